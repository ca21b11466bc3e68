package org.kontor.config.security;

import java.util.List;
import org.kontor.events.people.Role;

/** A user account as its events leave it. */
public record KnownUser(String username, String passwordHash, List<Role> roles, String employeeId, boolean enabled) {

    public KnownUser {
        roles = List.copyOf(roles);
    }
}
