/**
 * Events of the people context: the user accounts that sign in to Kontor, their roles (by job) and
 * the employees they belong to. Passwords appear only as one-way hashes.
 */
package org.kontor.events.people;
