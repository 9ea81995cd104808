package org.jointcall.gateway.exchange;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

/**
 * {@code POST /api/v1/exchange/{agency}/messages}: a partner's signed message, checked in the
 * order the partner can act on — agency (404), size (413), media type (415), signature and digest
 * (401/400/403), translation (400/422), sender (403) — then stored with its nonce in one
 * transaction and acknowledged with a signed 202 receipt. Every refusal is an RFC 9457 problem.
 */
@Dependent
public class InboundExchangeRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "exchange-inbound";

    @Inject
    AgencyStep agency;

    @Inject
    BodyStep body;

    @Inject
    MediaTypeStep mediaType;

    @Inject
    SignatureStep signature;

    @Inject
    TranslationStep translation;

    @Inject
    AcceptanceStep acceptance;

    @Inject
    RefusalStep refusal;

    @Override
    public void configure() {
        onException(Exception.class).handled(true).process(refusal);

        rest("/v1/exchange").post("/{agency}/messages").id("exchange-inbound-rest").to("direct:" + ROUTE_ID);

        from("direct:" + ROUTE_ID).routeId(ROUTE_ID)
                .process(agency).id("agency")
                .process(body).id("body")
                .process(mediaType).id("media-type")
                .process(signature).id("signature")
                .process(translation).id("translation")
                .process(acceptance).id("acceptance");
    }
}
