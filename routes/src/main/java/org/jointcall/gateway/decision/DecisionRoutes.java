package org.jointcall.gateway.decision;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code decision-apply}: every {@code gateway.decision.poll-period} milliseconds (default
 * 200) the worker applies what the inbound API put into the ledger. The timer only says when to
 * look; which messages are waiting is in PostgreSQL, so a restarted or second instance carries on.
 */
@Dependent
public class DecisionRoutes extends RouteBuilder {

    @Inject
    DecisionWorker worker;

    @Override
    public void configure() {
        from("timer:decision-apply?delay={{gateway.decision.initial-delay:1000}}&period={{gateway.decision.poll-period:200}}")
                .routeId("decision-apply")
                .bean(worker, "poll");
    }
}
