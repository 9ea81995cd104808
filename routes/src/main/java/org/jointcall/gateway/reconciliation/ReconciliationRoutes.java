package org.jointcall.gateway.reconciliation;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code reconciliation}: every {@code gateway.reconciliation.period} milliseconds (default 15
 * minutes, first after {@code gateway.reconciliation.initial-delay}) one {@link ReconciliationJob}
 * run on whichever instance gets there first; the others skip their turn. A failed run (the database
 * gone, say) is logged and the next one starts afresh: everything a run needs is in PostgreSQL.
 */
@Dependent
public class ReconciliationRoutes extends RouteBuilder {

    @Inject
    ReconciliationJob job;

    @Inject
    ReconciliationSettings settings;

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "Reconciliation run failed, the next one starts afresh: ${exception.message}");

        from("timer:reconciliation?delay=" + settings.initialDelay().toMillis() + "&period=" + settings.period().toMillis())
                .routeId("reconciliation")
                .process(exchange -> exchange.getMessage().setBody(job.run()))
                .log(LoggingLevel.INFO, "Reconciliation: ${body}");
    }
}
