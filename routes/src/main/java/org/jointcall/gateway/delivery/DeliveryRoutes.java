package org.jointcall.gateway.delivery;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code delivery-worker}: every {@code gateway.delivery.poll-period} milliseconds (default 50: the wait
 * for the next poll is most of a message's end-to-end latency at moderate load, and an idle poll is one short
 * query) the due outbox messages are delivered. Resending a dead message is a console action
 * ({@code POST /api/v1/console/dead-letters/{id}/resend}), authenticated by console roles.
 */
@Dependent
public class DeliveryRoutes extends RouteBuilder {

    @Inject
    DeliveryWorker worker;

    @Override
    public void configure() {
        from("timer:delivery-worker?delay={{gateway.delivery.initial-delay:1000}}&period={{gateway.delivery.poll-period:50}}")
                .routeId("delivery-worker")
                .bean(worker, "poll");
    }
}
