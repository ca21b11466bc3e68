/**
 * People on the read side: the directory of user accounts as administrators list them (roles,
 * employee id, whether the account may sign in, when it was opened, its password last changed or it
 * was disabled), and the signed-in user's own account. Never a password or its hash. Sign-in itself
 * does not read this view: it reads each account's own events (config.security.UserAccounts), so it
 * works while read models replay.
 */
package org.kontor.query.people;
