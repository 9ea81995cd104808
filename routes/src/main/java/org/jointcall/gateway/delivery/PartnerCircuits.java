package org.jointcall.gateway.delivery;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One circuit breaker per partner agency, in PostgreSQL so that every instance sees the same one.
 * Consecutive failed deliveries open it for a while; no instance calls the partner until then
 * (the outbox claim skips its messages). When the time is up the circuit is HALF_OPEN: the next
 * claim lets the partner's due messages through again (a batch, not a single trial message), and
 * one more failure opens it again at once while a success closes it.
 */
@ApplicationScoped
public class PartnerCircuits {

    private static final String FAILURE = """
            INSERT INTO partner_circuit AS c (agency, state, consecutive_failures, open_until, updated_at)
            VALUES (?, CASE WHEN ? <= 1 THEN 'OPEN' ELSE 'CLOSED' END, 1,
                    CASE WHEN ? <= 1 THEN now() + (? * interval '1 millisecond') END, now())
            ON CONFLICT (agency) DO UPDATE
               SET consecutive_failures = c.consecutive_failures + 1,
                   state = CASE WHEN c.consecutive_failures + 1 >= ? THEN 'OPEN' ELSE c.state END,
                   open_until = CASE WHEN c.consecutive_failures + 1 >= ? THEN now() + (? * interval '1 millisecond')
                                     ELSE c.open_until END,
                   updated_at = now()
            """;
    private static final String SUCCESS = """
            UPDATE partner_circuit SET state = 'CLOSED', consecutive_failures = 0, open_until = NULL, updated_at = now()
             WHERE agency = ? AND (state <> 'CLOSED' OR consecutive_failures <> 0)
            """;
    // One statement for every partner of a claimed batch: circuits whose time is up become HALF_OPEN, and those
    // still open say until when. Both parts read the same snapshot; their rows differ by open_until.
    private static final String OPEN_UNTIL = """
            WITH trial AS (
                 UPDATE partner_circuit SET state = 'HALF_OPEN', updated_at = now()
                  WHERE agency = ANY (?) AND state = 'OPEN' AND open_until <= now()
                 RETURNING agency)
            SELECT agency, open_until FROM partner_circuit WHERE agency = ANY (?) AND state = 'OPEN' AND open_until > now()
            """;

    private static final String ALL = "SELECT agency, state, consecutive_failures, open_until FROM partner_circuit";

    /** One partner's circuit as stored: {@code openUntil} is set while it is (or was last) OPEN. */
    public record Circuit(String state, int consecutiveFailures, Optional<Instant> openUntil) {
    }

    public void recordFailure(Connection connection, String agency, int threshold, Duration openFor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FAILURE)) {
            statement.setString(1, agency);
            statement.setInt(2, threshold);
            statement.setInt(3, threshold);
            statement.setLong(4, openFor.toMillis());
            statement.setInt(5, threshold);
            statement.setInt(6, threshold);
            statement.setLong(7, openFor.toMillis());
            statement.executeUpdate();
        }
    }

    public void recordSuccess(Connection connection, String agency) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SUCCESS)) {
            statement.setString(1, agency);
            statement.executeUpdate();
        }
    }

    /**
     * Until when the partner must not be called, if its circuit is open; an open circuit whose time
     * is up becomes HALF_OPEN here, letting the caller's delivery be the trial.
     */
    public Optional<Instant> openUntil(Connection connection, String agency) throws SQLException {
        return Optional.ofNullable(openUntil(connection, List.of(agency)).get(agency));
    }

    /** {@link #openUntil(Connection, String)} for several partners at once: those whose circuit is open, with until when. */
    public Map<String, Instant> openUntil(Connection connection, Collection<String> agencies) throws SQLException {
        Map<String, Instant> open = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(OPEN_UNTIL)) {
            Array codes = connection.createArrayOf("text", agencies.toArray());
            statement.setArray(1, codes);
            statement.setArray(2, codes);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    open.put(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return open;
    }

    /** Every partner's circuit that ever recorded a failure, by agency; a partner without a row has never failed (CLOSED). */
    public Map<String, Circuit> all(Connection connection) throws SQLException {
        Map<String, Circuit> circuits = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(ALL);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                circuits.put(row.getString("agency"), new Circuit(row.getString("state"), row.getInt("consecutive_failures"),
                        Optional.ofNullable(row.getObject("open_until", OffsetDateTime.class)).map(OffsetDateTime::toInstant)));
            }
        }
        return circuits;
    }
}
