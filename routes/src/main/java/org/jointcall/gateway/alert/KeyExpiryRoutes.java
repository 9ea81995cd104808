package org.jointcall.gateway.alert;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.gateway.agency.GatewayIdentity;
import org.jointcall.signature.keys.KeyRegistry;

/**
 * Checks every {@code gateway.keys.expiry-check-period} milliseconds (default one hour) which partner
 * keys and which gateway signing key expire within {@code gateway.keys.expiry-warning-days} (default
 * 60) and keeps the alerts in step. Safe on several instances at once: the alert table lets an open
 * alert exist only once.
 */
@Dependent
public class KeyExpiryRoutes extends RouteBuilder {

    @Inject
    KeyRegistry registry;

    @Inject
    GatewayIdentity identity;

    @Inject
    AlertLog alerts;

    @Inject
    @ConfigProperty(name = "gateway.keys.expiry-warning-days", defaultValue = "60")
    long warningDays;

    @Override
    public void configure() {
        KeyExpiryCheck check = new KeyExpiryCheck(alerts, Duration.ofDays(warningDays));
        from("timer:key-expiry-check?delay=10000&period={{gateway.keys.expiry-check-period:3600000}}")
                .routeId("key-expiry-check")
                .process(exchange -> exchange.getMessage().setBody(check.check(registry, identity.identity(), Instant.now())))
                .log(LoggingLevel.INFO, "Key expiry check: ${body}");
    }
}
