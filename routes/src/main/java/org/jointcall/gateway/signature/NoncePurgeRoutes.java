package org.jointcall.gateway.signature;

import java.time.Instant;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Forgets nonces of expired signatures every {@code gateway.signature.nonce-purge-period}
 * milliseconds (default one minute). Safe on several instances at once: each deletes what has
 * expired, and a row deleted twice is simply gone.
 */
@Dependent
public class NoncePurgeRoutes extends RouteBuilder {

    @Inject
    PostgresNonceStore nonces;

    @Override
    public void configure() {
        from("timer:signature-nonce-purge?delay=5000&period={{gateway.signature.nonce-purge-period:60000}}")
                .routeId("signature-nonce-purge")
                .process(exchange -> exchange.getMessage().setBody(nonces.purgeExpired(Instant.now())))
                .log(LoggingLevel.DEBUG, "Purged ${body} expired nonces");
    }
}
