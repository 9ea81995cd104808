package org.jointcall.gateway.exchange;

import org.apache.camel.Exchange;

import org.jointcall.gateway.ledger.HeaderLines;

/**
 * A verified partner request as evidence, for routes that keep it somewhere other than the ledger: its
 * target URI and header lines exactly as received (signature included) and the verdict of its signature, both as JSON.
 */
public record RequestEvidence(String uri, String headersJson, String verdictJson) {

    /** The evidence of the request {@code exchange} carries; fails before {@link SignatureStep} verified it. */
    public static RequestEvidence of(Exchange exchange) {
        InboundMessage message = InboundMessage.of(exchange);
        if (message.verdict() == null) {
            throw new IllegalStateException("exchange " + exchange.getExchangeId() + " carries no verified signature");
        }
        return new RequestEvidence(message.request().targetUri().toString(), HeaderLines.toJson(message.request().fields()),
                EvidenceJson.verdict(message.verdict()));
    }
}
