/**
 * People on the write side: the user accounts that sign in to Kontor, their roles (by job), the
 * employee each belongs to, and the first administrator of a fresh installation. An account is a
 * small aggregate keyed {@code user:<username>}; passwords reach it only as bcrypt hashes, made at
 * the HTTP edge, which is also where a repeated registration is recognised (a hash is salted, so
 * only the edge, holding the password, can tell a repeat from a different registration).
 */
package org.kontor.command.people;
