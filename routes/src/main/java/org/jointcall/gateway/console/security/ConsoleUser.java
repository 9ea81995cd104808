package org.jointcall.gateway.console.security;

import java.time.OffsetDateTime;
import java.util.Set;

/** A console user as listed to administrators: never the password hash. */
public record ConsoleUser(String username, Set<ConsoleRole> roles, OffsetDateTime createdAt) {

    public ConsoleUser {
        roles = Set.copyOf(roles);
    }
}
