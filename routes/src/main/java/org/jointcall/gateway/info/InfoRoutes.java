package org.jointcall.gateway.info;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * {@code GET /api/v1/info}: the gateway's version and the library versions in use, as JSON.
 * The first REST route, and the smallest proof that Camel serves HTTP through camel-servlet.
 */
@Dependent
public class InfoRoutes extends RouteBuilder {

    @Inject
    GatewayInfoSource info;

    @Override
    public void configure() {
        rest("/v1").get("/info").id("info-rest").produces("application/json").to("direct:info");

        from("direct:info").routeId("info")
                // Camel answers with the message's headers, which are the request's: a caller's Cookie or Authorization
                // must not come back (and be logged by a proxy on the way).
                .removeHeaders("*")
                .process(exchange -> exchange.getMessage().setBody(info.describe(exchange.getContext().getVersion())))
                .marshal().json(JsonLibrary.Jackson)
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"));
    }
}
