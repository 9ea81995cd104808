package org.jointcall.gateway.signature;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.common.HttpMessage;
import org.jointcall.gateway.agency.GatewayIdentity;
import org.jointcall.signature.keys.JwksWriter;

/**
 * Route {@code exchange-keys}: {@code GET /api/v1/exchange/keys} publishes the public half of the key the
 * gateway signs with (its pushes, receipts and inbox answers) as a JSON Web Key Set, so a partner can register
 * it as it registers any key, instead of someone exporting it from the PKCS#12 keystore by hand. Public keys
 * are no secret: the route asks for no signature. Partners may cache it for five minutes; a new key is
 * published when the gateway restarts with it. The keys of {@code gateway.signing.published-keys} come after the
 * signing key: the next one ahead of a rotation, earlier ones after it ({@code GatewayIdentity}).
 */
@Dependent
public class GatewayKeysRoutes extends RouteBuilder {

    @Inject
    GatewayIdentity identity;

    @Override
    public void configure() {
        // The keys are those the gateway started with, so the set is written once.
        String published = JwksWriter.writeRegistered(identity.publishedKeys());
        rest("/v1/exchange").get("/keys").id("exchange-keys-rest").produces("application/jwk-set+json").to("direct:exchange-keys");

        from("direct:exchange-keys").routeId("exchange-keys").process(exchange -> {
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/jwk-set+json");
            // Camel's HTTP header filter drops a Cache-Control header of the message, so it goes on the response itself.
            exchange.getIn(HttpMessage.class).getResponse().setHeader("Cache-Control", "public, max-age=300");
            exchange.getMessage().setBody(published);
        });
    }
}
