package org.jointcall.gateway.decision;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.gateway.logging.RepeatedFailures;

/**
 * Route {@code decision-apply}: every {@code gateway.decision.poll-period} milliseconds (default
 * 50) the worker applies what the inbound API put into the ledger, and between polls as soon as this
 * instance has accepted a message ({@link LedgerArrivals}). Route {@code deadline-sweep}:
 * every {@code gateway.deadline.sweep-period} milliseconds (default 60000) up to
 * {@code gateway.deadline.batch-size} (default 100) proposals past a deadline are swept. The timers
 * only say when to look; what is waiting is in PostgreSQL, so a restarted or second instance carries on.
 */
@Dependent
public class DecisionRoutes extends RouteBuilder {

    @Inject
    DecisionWorker worker;

    @Inject
    DeadlineSweep sweep;

    @Inject
    @ConfigProperty(name = "gateway.deadline.batch-size", defaultValue = "100")
    int sweepBatch;

    @Override
    public void configure() {
        onException(Exception.class).handled(true).process(new RepeatedFailures());
        from("timer:decision-apply?delay={{gateway.decision.initial-delay:1000}}&period={{gateway.decision.poll-period:50}}")
                .routeId("decision-apply")
                .bean(worker, "work");

        if (sweepBatch < 1) {
            // Checked at startup, not at the first sweep: a typo should stop the gateway, not every sweep.
            throw new IllegalArgumentException("gateway.deadline.batch-size is " + sweepBatch + ": it must be at least 1");
        }
        from("timer:deadline-sweep?delay={{gateway.deadline.initial-delay:10000}}&period={{gateway.deadline.sweep-period:60000}}")
                .routeId("deadline-sweep")
                .process(exchange -> sweep.sweep(sweepBatch));
    }
}
