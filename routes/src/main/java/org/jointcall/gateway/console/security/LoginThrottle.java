package org.jointcall.gateway.console.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing against the console: after {@code gateway.console.lockout-after} (default 5) failed
 * logins for one user name within 15 minutes, that name is locked for {@code gateway.console.lockout-seconds}
 * (default 60), doubling with every further failure up to 15 minutes. A locked name is refused before its password
 * is checked, so guessing also stops costing PBKDF2 time. Names nobody has are counted like real ones, so a lock
 * says nothing about which users exist. Kept in PostgreSQL ({@code console_login_failure}), so every instance
 * counts the same failures.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Request attribute: the {@link Instant} until which the name the request tried to sign in with is locked. */
    static final String LOCKED_UNTIL = "org.jointcall.gateway.console.locked-until";
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private static final String FAIL = """
            INSERT INTO console_login_failure AS f (username, failures, last_failed_at) VALUES (?, 1, now())
            ON CONFLICT (username) DO UPDATE
               SET failures = CASE WHEN f.last_failed_at < now() - interval '15 minutes' THEN 1 ELSE f.failures + 1 END,
                   last_failed_at = now()
            RETURNING failures
            """;

    @Inject
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "gateway.console.lockout-after", defaultValue = "5")
    int lockoutAfter;

    @Inject
    @ConfigProperty(name = "gateway.console.lockout-seconds", defaultValue = "60")
    long lockoutSeconds;

    /** Whether a user name has failed logins on record, and until when it is locked, if it is. */
    public record Standing(boolean failedBefore, Optional<Instant> lockedUntil) {
        static final Standing CLEAN = new Standing(false, Optional.empty());
    }

    /**
     * The standing of {@code username}, in one read: a caller that signs in need not clear a name with no failures. A database
     * failure counts as a clean name: the password check fails then anyway.
     */
    public Standing standing(String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT CASE WHEN locked_until > now() THEN locked_until END FROM console_login_failure WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Standing.CLEAN;
                }
                Timestamp lockedUntil = row.getTimestamp(1);
                return new Standing(true, Optional.ofNullable(lockedUntil).map(Timestamp::toInstant));
            }
        } catch (SQLException e) {
            LOG.warn("Cannot read the console's failed logins: {}", e.getMessage());
            return Standing.CLEAN;
        }
    }

    /** Counts a wrong password (or unknown name) for {@code username}, locking it once there were too many. */
    public void failed(String username) {
        try (Connection connection = dataSource.getConnection()) {
            int failures;
            try (PreparedStatement fail = connection.prepareStatement(FAIL)) {
                fail.setString(1, username);
                try (ResultSet row = fail.executeQuery()) {
                    row.next();
                    failures = row.getInt(1);
                }
            }
            if (failures >= lockoutAfter) {
                Duration lock = lockFor(failures);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE console_login_failure SET locked_until = ? WHERE username = ?")) {
                    update.setTimestamp(1, Timestamp.from(Instant.now().plus(lock)));
                    update.setString(2, username);
                    update.executeUpdate();
                }
                LOG.warn("Console user name '{}' locked for {} s after {} failed logins", username, lock.toSeconds(), failures);
            }
            try (PreparedStatement purge = connection.prepareStatement(
                    "DELETE FROM console_login_failure WHERE last_failed_at < now() - interval '1 day'")) {
                purge.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.warn("Cannot count a failed console login for '{}': {}", username, e.getMessage());
        }
    }

    /** Forgets the failures of {@code username}, which has just signed in. */
    public void succeeded(String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM console_login_failure WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Cannot clear the failed console logins of '{}': {}", username, e.getMessage());
        }
    }

    /** The lock after {@code failures} failures: the base at the threshold, doubled for each failure past it, at most 15 minutes. */
    Duration lockFor(int failures) {
        int doublings = Math.min(failures - lockoutAfter, 20);
        Duration lock = Duration.ofSeconds(lockoutSeconds).multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    /** Marks {@code request} as refused because its user name is locked until {@code until}. */
    static void markLocked(HttpServletRequest request, Instant until) {
        request.setAttribute(LOCKED_UNTIL, until);
    }

    /** Until when the user name {@code request} tried is locked, if that is why it was refused. */
    public static Optional<Instant> refusedAsLocked(HttpServletRequest request) {
        return Optional.ofNullable((Instant) request.getAttribute(LOCKED_UNTIL));
    }
}
