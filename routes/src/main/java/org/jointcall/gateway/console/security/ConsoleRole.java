package org.jointcall.gateway.console.security;

import java.util.Arrays;
import java.util.Locale;

/**
 * The console's roles. The names are the Jakarta Security group and role names
 * ({@code @RolesAllowed}, web.xml, glassfish-web.xml) and what the {@code console_user.roles} column holds.
 */
public enum ConsoleRole {
    /** Sees every call and proposal, resends and resolves dead letters, annotates. */
    COORDINATOR,
    /** Everything a coordinator does, plus users, calls, agencies and reopening a rejected proposal. */
    ADMINISTRATOR,
    /** Reads everything, the audit log included; changes nothing. */
    AUDITOR;

    public static final String COORDINATOR_NAME = "coordinator";
    public static final String ADMINISTRATOR_NAME = "administrator";
    public static final String AUDITOR_NAME = "auditor";

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role called {@code name}; an unknown name is refused with the known ones listed. */
    public static ConsoleRole named(String name) {
        for (ConsoleRole role : values()) {
            if (role.roleName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "'; roles are "
                + Arrays.stream(values()).map(ConsoleRole::roleName).toList());
    }
}
