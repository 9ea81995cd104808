package org.jointcall.gateway.metrics;

import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.jointcall.gateway.delivery.OutboxBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox depth as gauges, read from PostgreSQL when scraped (through {@link OutboxBacklog}'s few
 * seconds of caching): the same figures on every instance, since the outbox is shared. A scrape while
 * the database is away shows NaN rather than a stale number.
 */
@ApplicationScoped
public class OutboxGauges {

    static final String DEPTH = "jointcall.outbox.messages";
    static final String OLDEST_PENDING = "jointcall.outbox.oldest.pending.age";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxGauges.class);

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    OutboxBacklog backlog;

    void register(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Metadata depth = Metadata.builder().withName(DEPTH)
                .withDescription("Outbox messages by state: PENDING waits for a (next) push, DEAD for an operator").build();
        registry.gauge(depth, backlog, read(OutboxBacklog.Backlog::pending), new Tag("state", "PENDING"));
        registry.gauge(depth, backlog, read(OutboxBacklog.Backlog::dead), new Tag("state", "DEAD"));
        registry.gauge(Metadata.builder().withName(OLDEST_PENDING).withUnit(MetricUnits.SECONDS)
                        .withDescription("How long the oldest PENDING outbox message has waited; 0 when none waits").build(),
                backlog, read(now -> now.oldestPendingAge().map(age -> age.toMillis() / 1000.0).orElse(0.0)));
    }

    private static Function<OutboxBacklog, Double> read(ToDoubleFunction<OutboxBacklog.Backlog> figure) {
        return source -> {
            try {
                return figure.applyAsDouble(source.current());
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Outbox depth not measured: {}", e.getMessage());
                return Double.NaN;
            }
        };
    }
}
