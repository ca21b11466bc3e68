package org.kontor.command.people;

import org.kontor.config.error.RuleCode;

/** The rules of the people context that a command can break (422). */
enum PeopleRule implements RuleCode {
    /** The account is disabled: it can be disabled or enabled, but nothing else happens to it. */
    USER_DISABLED,
    /** A password change named a current password that is not the account's. */
    WRONG_PASSWORD,
    /** A user tried to disable their own account or take the role ADMIN from it. */
    SELF_LOCKOUT,
    /**
     * An administrator tried to reset their own password, which needs no current password; their
     * own change goes through {@code /api/users/me/password}, which asks for it.
     */
    OWN_PASSWORD_RESET
}
