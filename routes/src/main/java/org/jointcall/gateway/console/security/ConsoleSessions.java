package org.jointcall.gateway.console.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's sign-ins, in PostgreSQL ({@code console_session}, V20) so that every instance knows them: a session
 * started through one instance works on all, and outlives any one of them. A session ends when its user signs out,
 * when its user's password changes (their other sessions), after {@code gateway.console.session-idle-minutes} (30)
 * without a request, or {@code gateway.console.session-max-hours} (12) after sign-in, whatever the activity.
 *
 * <p>The browser holds the token ({@link SessionCookie}); the table holds its SHA-256 only. The hex of that hash is
 * the session's {@linkplain SignedIn#sessionKey() key}: it names a session (to close its event streams) without being
 * able to sign anyone in.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** How often at most a session's last request is written: every request would be a write for nothing. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final HexFormat HEX = HexFormat.of();

    private static final String ALIVE = "s.last_seen_at > now() - ? * interval '1 second' AND s.created_at > now() - ? * interval '1 second'";

    private DataSource dataSource;
    private Duration idle;
    private Duration maxAge;

    /** A session just started: the token for the browser's cookie, and who it signs in. */
    public record Started(String token, SignedIn signedIn) {
    }

    protected ConsoleSessions() {
        // for CDI's proxy
    }

    @Inject
    public ConsoleSessions(DataSource dataSource,
            @ConfigProperty(name = "gateway.console.session-idle-minutes", defaultValue = "30") int idleMinutes,
            @ConfigProperty(name = "gateway.console.session-max-hours", defaultValue = "12") int maxHours) {
        this(dataSource, Duration.ofMinutes(idleMinutes), Duration.ofHours(maxHours));
    }

    ConsoleSessions(DataSource dataSource, Duration idle, Duration maxAge) {
        if (idle.isNegative() || idle.isZero() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("gateway.console.session-idle-minutes and gateway.console.session-max-hours must be"
                    + " positive (are " + idle.toMinutes() + " and " + maxAge.toHours() + ")");
        }
        this.dataSource = dataSource;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    /** When a session ends by itself, for the log (reading it also checks the settings at startup). */
    public String limits() {
        return "after " + idle.toMinutes() + " min without a request or " + maxAge.toHours() + " h after sign-in";
    }

    /** Signs {@code username} in on a new session; also forgets sessions that have ended by idleness or age. */
    public Started start(String username, Set<String> roles) throws SQLException {
        String token = CsrfToken.generate();
        String csrfToken = CsrfToken.generate();
        byte[] hash = hash(token);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement purge = connection.prepareStatement("DELETE FROM console_session s WHERE NOT (" + ALIVE + ")")) {
                bindLimits(purge, 1);
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO console_session (token_hash, username, csrf_token) VALUES (?, ?, ?)")) {
                insert.setBytes(1, hash);
                insert.setString(2, username);
                insert.setString(3, csrfToken);
                insert.executeUpdate();
            }
        }
        return new Started(token, new SignedIn(username, roles, csrfToken, HEX.formatHex(hash)));
    }

    /**
     * Who the session of {@code token} signs in, with the user's current roles; empty for a token that was never given
     * out or whose session has ended.
     */
    public Optional<SignedIn> find(String token) throws SQLException {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] hash = hash(token);
        try (Connection connection = dataSource.getConnection()) {
            SignedIn signedIn;
            boolean touch;
            try (PreparedStatement query = connection.prepareStatement("SELECT s.username, u.roles, s.csrf_token,"
                    + " s.last_seen_at < now() - ? * interval '1 second'"
                    + " FROM console_session s JOIN console_user u USING (username) WHERE s.token_hash = ? AND " + ALIVE)) {
                query.setLong(1, TOUCH_EVERY.toSeconds());
                query.setBytes(2, hash);
                bindLimits(query, 3);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    signedIn = new SignedIn(row.getString(1), Set.of((String[]) row.getArray(2).getArray()), row.getString(3),
                            HEX.formatHex(hash));
                    touch = row.getBoolean(4);
                }
            }
            if (touch) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE console_session SET last_seen_at = now() WHERE token_hash = ?")) {
                    update.setBytes(1, hash);
                    update.executeUpdate();
                }
            }
            return Optional.of(signedIn);
        }
    }

    /** Ends the session named by {@code sessionKey} (signing out). */
    public void end(String sessionKey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM console_session WHERE token_hash = decode(?, 'hex')")) {
            delete.setString(1, sessionKey);
            delete.executeUpdate();
        }
    }

    /** Ends the session a browser's token names, if any (a new sign-in replaces it). */
    public void endToken(String token) throws SQLException {
        if (TOKEN.matcher(token).matches()) {
            end(HEX.formatHex(hash(token)));
        }
    }

    /**
     * Ends every session of {@code username} but {@code keep} (the one that asks, when users change their own password).
     *
     * @return how many ended
     */
    public int endOthersOf(String username, Optional<String> keep) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM console_session WHERE username = ? AND token_hash IS DISTINCT FROM decode(?, 'hex')")) {
            delete.setString(1, username);
            delete.setString(2, keep.orElse(null));
            return delete.executeUpdate();
        }
    }

    /** Which of the sessions named by {@code sessionKeys} have not ended, read on {@code connection}. */
    public Set<String> stillOpen(Connection connection, Collection<String> sessionKeys) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT encode(s.token_hash, 'hex') FROM console_session s"
                + " WHERE s.token_hash = ANY (SELECT decode(k, 'hex') FROM unnest(?::text[]) k) AND " + ALIVE)) {
            query.setArray(1, connection.createArrayOf("text", sessionKeys.toArray()));
            bindLimits(query, 2);
            Set<String> open = new HashSet<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    open.add(row.getString(1));
                }
            }
            return open;
        }
    }

    private void bindLimits(PreparedStatement statement, int first) throws SQLException {
        statement.setLong(first, idle.toSeconds());
        statement.setLong(first + 1, maxAge.toSeconds());
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
