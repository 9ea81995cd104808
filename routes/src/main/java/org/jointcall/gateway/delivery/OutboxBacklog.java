package org.jointcall.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How much the outbox still has to do, shared by every instance because it is read from PostgreSQL:
 * messages waiting for a (next) push, dead letters, and how long the oldest waiting message has been
 * there. Readiness and the metrics ask often; the answer is kept for {@link #CACHED_FOR} so that a
 * scraper polling every second costs the database one query per few seconds, not one per request.
 */
@ApplicationScoped
public class OutboxBacklog {

    public static final Duration CACHED_FOR = Duration.ofSeconds(5);
    // Both counts use partial indexes (outbox_message_due, outbox_message_dead): delivered rows, the bulk, are never read.
    private static final String COUNT = """
            SELECT (SELECT count(*) FROM outbox_message WHERE state = 'PENDING'),
                   (SELECT min(created_at) FROM outbox_message WHERE state = 'PENDING'),
                   (SELECT count(*) FROM outbox_message WHERE state = 'DEAD'),
                   now()
            """;
    private static final int QUERY_TIMEOUT_SECONDS = 3;

    /** What the outbox held at {@code measuredAt}; the oldest pending age is empty when nothing is pending. */
    public record Backlog(long pending, long dead, Optional<Duration> oldestPendingAge, Instant measuredAt) {
    }

    private DataSource dataSource;
    private Clock clock;
    private Backlog cached;

    /** For the CDI proxy only. */
    protected OutboxBacklog() {
    }

    @Inject
    public OutboxBacklog(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    OutboxBacklog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The backlog, measured at most {@link #CACHED_FOR} ago. */
    public synchronized Backlog current() throws SQLException {
        if (cached == null || cached.measuredAt().plus(CACHED_FOR).isBefore(clock.instant())) {
            cached = measure();
        }
        return cached;
    }

    private Backlog measure() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT)) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
                OffsetDateTime now = row.getObject(4, OffsetDateTime.class);
                // Age by the database's clock, like created_at itself: instances' clocks may drift.
                Optional<Duration> age = Optional.ofNullable(oldest).map(created -> Duration.between(created, now));
                return new Backlog(row.getLong(1), row.getLong(3), age, clock.instant());
            }
        }
    }
}
