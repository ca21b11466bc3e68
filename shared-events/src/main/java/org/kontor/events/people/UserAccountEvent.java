package org.kontor.events.people;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Everything that can happen to a user account. The aggregate id is {@code user:<username>}. */
public sealed interface UserAccountEvent {

    String username();

    /** The aggregate id of the account of {@code username}. */
    static String accountId(String username) {
        return "user:" + username;
    }

    /** An account was opened; {@code passwordHash} is a bcrypt hash, never the password. */
    @Revision("1")
    record UserRegistered(String username, String passwordHash, List<Role> roles, String employeeId)
            implements UserAccountEvent {

        public UserRegistered {
            roles = List.copyOf(roles);
        }
    }

    /** The account's roles were replaced by {@code roles}. */
    @Revision("1")
    record UserRolesChanged(String username, List<Role> roles) implements UserAccountEvent {

        public UserRolesChanged {
            roles = List.copyOf(roles);
        }
    }

    /** The user chose a new password; {@code passwordHash} is its bcrypt hash. */
    @Revision("1")
    record UserPasswordChanged(String username, String passwordHash) implements UserAccountEvent {
    }

    /** The account can no longer sign in. */
    @Revision("1")
    record UserDisabled(String username, String reason) implements UserAccountEvent {
    }

    /**
     * A disabled account can sign in again, with the roles and password it had; {@code reason} is
     * optional.
     */
    @Revision("1")
    record UserEnabled(String username, String reason) implements UserAccountEvent {
    }
}
