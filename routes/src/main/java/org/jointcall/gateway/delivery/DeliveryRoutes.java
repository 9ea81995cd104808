package org.jointcall.gateway.delivery;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.jointcall.gateway.logging.RepeatedFailures;

/**
 * Route {@code delivery-worker}: every {@code gateway.delivery.poll-period} milliseconds (default 50; an idle
 * poll is one short query) the due outbox messages are delivered; between polls the worker also wakes as soon
 * as this instance commits new outbox messages ({@link OutboxArrivals}), so the timer only paces what other
 * instances and retries leave. Resending a dead message is a console action
 * ({@code POST /api/v1/console/dead-letters/{id}/resend}), authenticated by console roles.
 */
@Dependent
public class DeliveryRoutes extends RouteBuilder {

    @Inject
    DeliveryWorker worker;

    @Override
    public void configure() {
        onException(Exception.class).handled(true).process(new RepeatedFailures());
        from("timer:delivery-worker?delay={{gateway.delivery.initial-delay:1000}}&period={{gateway.delivery.poll-period:50}}")
                .routeId("delivery-worker")
                .bean(worker, "work");
    }
}
