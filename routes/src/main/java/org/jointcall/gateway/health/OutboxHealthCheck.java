package org.jointcall.gateway.health;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jointcall.gateway.delivery.OutboxBacklog;

/**
 * The outbox backlog, reported as {@code outbox}: messages waiting for a push, dead letters, and the
 * age of the oldest waiting message in seconds.
 *
 * <p>A backlog never makes the gateway unready. The outbox is shared by all instances, so a partner
 * that is down would take every instance out of the load balancer at once, and the partners' own
 * inbound messages — which need no delivery to be taken — would be refused for nothing. The figures
 * are here for people and the same ones are metrics for alerting; the check is DOWN only when the
 * outbox cannot be read.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    public static final String NAME = "outbox";

    @Inject
    OutboxBacklog outbox;

    @Inject
    DatabaseOutage outage;

    @Override
    public HealthCheckResponse call() {
        if (outage.fresh()) {
            return HealthCheckResponse.named(NAME).withData("error", "database unreachable (see the database check)").down().build();
        }
        try {
            OutboxBacklog.Backlog backlog = outbox.current();
            return HealthCheckResponse.named(NAME)
                    .withData("pending", backlog.pending())
                    .withData("dead", backlog.dead())
                    .withData("oldestPendingSeconds", backlog.oldestPendingAge().map(age -> age.toSeconds()).orElse(0L))
                    .withData("measuredAt", backlog.measuredAt().toString())
                    .up().build();
        } catch (SQLException | RuntimeException e) {
            outage.failed();
            return HealthCheckResponse.named(NAME).withData("error", String.valueOf(e.getMessage())).down().build();
        }
    }
}
