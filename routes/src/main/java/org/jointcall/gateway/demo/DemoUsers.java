package org.jointcall.gateway.demo;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jointcall.gateway.bootstrap.StartupFailure;
import org.jointcall.gateway.console.security.ConsoleRole;
import org.jointcall.gateway.console.security.ConsoleUser;
import org.jointcall.gateway.console.security.ConsoleUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's console users, one per role, all with {@link #PASSWORD} (printed in the banner): created
 * once the schema is migrated and before the console's own first administrator would be, so a demo
 * gateway has exactly these. A user that exists already (a restart) is left as it is.
 */
@ApplicationScoped
public class DemoUsers {

    /** A demo password, printed for everyone to see: never a production setting. */
    static final String PASSWORD = "aspire-demo-2027";
    static final Map<String, ConsoleRole> USERS = demoUsers();
    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    @Inject
    DemoSettings settings;

    @Inject
    ConsoleUsers users;

    @Inject
    StartupFailure failure;

    /** After the bootstrap's migrations (APPLICATION + 500), before the console's InitialAdministrator (APPLICATION + 1000). */
    void create(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class) Object started) {
        if (!settings.enabled()) {
            return;
        }
        try {
            createMissing();
        } catch (SQLException | RuntimeException e) {
            throw failure.of("demo console users", e);
        }
    }

    private void createMissing() throws SQLException {
        Set<String> existing = users.list().stream().map(ConsoleUser::username).collect(Collectors.toSet());
        for (Map.Entry<String, ConsoleRole> user : USERS.entrySet()) {
            if (existing.contains(user.getKey())) {
                continue;
            }
            try {
                users.create(user.getKey(), PASSWORD, Set.of(user.getValue()));
                LOG.info("Demo console user '{}' ({}) created", user.getKey(), user.getValue().roleName());
            } catch (IllegalArgumentException alreadyThere) {
                // another instance on the same database created it meanwhile
                LOG.info("Demo console user '{}' not created: {}", user.getKey(), alreadyThere.getMessage());
            }
        }
    }

    private static Map<String, ConsoleRole> demoUsers() {
        Map<String, ConsoleRole> users = new LinkedHashMap<>();
        users.put("coordinator", ConsoleRole.COORDINATOR);
        users.put("admin", ConsoleRole.ADMINISTRATOR);
        users.put("auditor", ConsoleRole.AUDITOR);
        return users;
    }
}
