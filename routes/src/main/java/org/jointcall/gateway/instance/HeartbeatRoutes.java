package org.jointcall.gateway.instance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

/**
 * Beats once at start and then every {@code gateway.instance.heartbeat-period} milliseconds
 * (default 10 s), writing this instance's liveness to the shared database.
 */
@Dependent
public class HeartbeatRoutes extends RouteBuilder {

    @Inject
    InstanceRegistry registry;

    @Override
    public void configure() {
        from("timer:instance-heartbeat?delay=0&period={{gateway.instance.heartbeat-period:10000}}")
                .routeId("instance-heartbeat")
                .bean(registry, "heartbeat");
    }
}
