package org.jointcall.gateway.console.security;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.gateway.bootstrap.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure someone can sign in to a new gateway: when no console user exists, creates {@code admin}
 * with the password in {@code gateway.console.admin-password}, or else a generated one printed once to
 * the log. Runs after the bootstrap migrated the schema (a later observer priority).
 */
@ApplicationScoped
public class InitialAdministrator {

    public static final String USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdministrator.class);

    @Inject
    ConsoleUsers users;

    @Inject
    StartupFailure failure;

    @Inject
    @ConfigProperty(name = "gateway.console.admin-password")
    Optional<String> configuredPassword;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class) Object started) {
        try {
            createUnlessAnyoneExists();
        } catch (SQLException | RuntimeException e) {
            throw failure.of("console administrator", e);
        }
    }

    private void createUnlessAnyoneExists() throws SQLException {
        if (users.anyExists()) {
            return;
        }
        Optional<String> configured = configuredPassword.filter(password -> !password.isBlank());
        String password = configured.orElseGet(() -> CsrfToken.generate().substring(0, 24));
        try {
            users.create(USERNAME, password, Set.of(ConsoleRole.ADMINISTRATOR));
        } catch (IllegalArgumentException e) {
            if (users.anyExists()) {
                LOG.info("Console administrator '{}' was created by another gateway instance", USERNAME);
                return;
            }
            throw new IllegalStateException("gateway.console.admin-password cannot be used: " + e.getMessage(), e);
        }
        if (configured.isPresent()) {
            LOG.info("Console administrator '{}' created with the password from gateway.console.admin-password", USERNAME);
        } else {
            LOG.warn("""

                    ================================================================
                     Console administrator created (shown this once, never again):
                       user name: {}
                       password:  {}
                     Sign in at /console/ and create personal users.
                    ================================================================""", USERNAME, password);
        }
    }
}
