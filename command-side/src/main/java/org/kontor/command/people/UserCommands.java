package org.kontor.command.people;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.kontor.events.people.Role;
import org.kontor.events.people.UserAccountEvent;

/**
 * The commands of the people context. Passwords travel only as bcrypt hashes; the checks below
 * crash on anything else, so a raw password can never reach an event by mistake. Commands print
 * without the hash: it would let a reader of a log guess the password offline.
 */
final class UserCommands {

    private static final String HIDDEN = "[hidden]";

    /** bcrypt's form: {@code $2a$}, the cost, {@code $}, then 53 characters of salt and hash. */
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private UserCommands() {
    }

    /** Open an account; the account must not exist yet. */
    record RegisterUser(
            @TargetAggregateIdentifier String accountId,
            String username,
            String passwordHash,
            List<Role> roles,
            String employeeId) {

        RegisterUser {
            Objects.requireNonNull(username, "username");
            if (!UserAccountEvent.accountId(username).equals(accountId)) {
                throw new IllegalArgumentException("the account id of " + username + " is "
                        + UserAccountEvent.accountId(username) + ", not " + accountId);
            }
            requireHash(passwordHash);
            roles = distinctRoles(roles);
        }

        @Override
        public String toString() {
            return "RegisterUser[accountId=" + accountId + ", username=" + username + ", passwordHash=" + HIDDEN
                    + ", roles=" + roles + ", employeeId=" + employeeId + "]";
        }
    }

    /** Replace the roles of an account. */
    record ChangeUserRoles(
            @TargetAggregateIdentifier String accountId,
            List<Role> roles,
            @TargetAggregateVersion Long expectedVersion) {

        ChangeUserRoles {
            Objects.requireNonNull(accountId, "accountId");
            roles = distinctRoles(roles);
        }
    }

    /** Give an account a new password. */
    record ChangeUserPassword(
            @TargetAggregateIdentifier String accountId,
            String passwordHash,
            @TargetAggregateVersion Long expectedVersion) {

        ChangeUserPassword {
            Objects.requireNonNull(accountId, "accountId");
            requireHash(passwordHash);
        }

        @Override
        public String toString() {
            return "ChangeUserPassword[accountId=" + accountId + ", passwordHash=" + HIDDEN + ", expectedVersion="
                    + expectedVersion + "]";
        }
    }

    /** Stop an account from signing in until it is enabled again; {@code reason} is optional. */
    record DisableUser(
            @TargetAggregateIdentifier String accountId,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {

        DisableUser {
            Objects.requireNonNull(accountId, "accountId");
        }
    }

    /**
     * An administrator gives another user's account a new password, without knowing the current
     * one (forgotten, or to be replaced after a leak); the user's own change is
     * {@link ChangeUserPassword}, behind the current password.
     */
    record ResetUserPassword(
            @TargetAggregateIdentifier String accountId,
            String passwordHash,
            @TargetAggregateVersion Long expectedVersion) {

        ResetUserPassword {
            Objects.requireNonNull(accountId, "accountId");
            requireHash(passwordHash);
        }

        @Override
        public String toString() {
            return "ResetUserPassword[accountId=" + accountId + ", passwordHash=" + HIDDEN + ", expectedVersion="
                    + expectedVersion + "]";
        }
    }

    /** Let a disabled account sign in again, as it was; {@code reason} is optional. */
    record EnableUser(
            @TargetAggregateIdentifier String accountId,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {

        EnableUser {
            Objects.requireNonNull(accountId, "accountId");
        }
    }

    /**
     * Every role once, in the order of {@link Role}: an account always has at least one role, and
     * equal sets of roles are equal lists, in commands and so in events.
     */
    private static List<Role> distinctRoles(List<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user account always has at least one role");
        }
        return List.copyOf(EnumSet.copyOf(roles));
    }

    private static void requireHash(String passwordHash) {
        // The message never shows the value: if this fails, the value may be a password.
        if (passwordHash == null || !BCRYPT_HASH.matcher(passwordHash).matches()) {
            throw new IllegalArgumentException("passwordHash must be a bcrypt hash, never a password");
        }
    }
}
