package org.jointcall.gateway.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a readiness check found the database unreachable a moment ago. Each check that reads the
 * database would otherwise wait the pool's whole connection timeout on its own while the database is
 * away, and one {@code /health/ready} answer would take their sum — longer than a load balancer or
 * an operator waits. The {@code database} check always tries (so a return is seen at once); the
 * checks that only report figures from the database skip their read while an outage is this fresh.
 */
@ApplicationScoped
public class DatabaseOutage {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Clock clock = Clock.systemUTC();
    private volatile Instant lastFailure;

    void failed() {
        lastFailure = clock.instant();
    }

    void reached() {
        lastFailure = null;
    }

    /** True while a failure to reach the database is younger than {@link #FRESH_FOR}. */
    boolean fresh() {
        Instant failure = lastFailure;
        return failure != null && failure.plus(FRESH_FOR).isAfter(clock.instant());
    }
}
