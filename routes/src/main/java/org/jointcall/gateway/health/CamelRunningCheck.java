package org.jointcall.gateway.health;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jointcall.gateway.bootstrap.CamelRuntime;

/**
 * UP only while the Camel context runs: without it no route takes or delivers a message, whatever
 * the HTTP server says. Reported as {@code camel} with Camel's status word and the number of routes.
 *
 * <p>Used for both liveness and readiness through one subclass each: Payara 6 registers a class
 * that carries both {@code @Liveness} and {@code @Readiness} under readiness only.
 */
public abstract class CamelRunningCheck implements HealthCheck {

    public static final String NAME = "camel";

    @Inject
    CamelRuntime camel;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .withData("status", camel.status())
                .withData("routes", camel.routeCount())
                .status(camel.started())
                .build();
    }
}
