package org.jointcall.gateway.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The checks of a signed request that writes no ledger row (the pull inbox, its acknowledgements, the status
 * monitor): the same steps a partner message goes through up to its signature — agency, body, signature — and
 * then its nonce spent at once, since no ledger transaction will spend it. Refused like a message, by the route's
 * {@link RefusalStep}.
 */
@ApplicationScoped
public class SignedRequestCheck implements Processor {

    @Inject
    AgencyStep agency;

    @Inject
    BodyStep body;

    @Inject
    SignatureStep signature;

    @Inject
    NonceStep nonce;

    @Override
    public void process(Exchange exchange) throws Exception {
        agency.process(exchange);
        body.process(exchange);
        signature.process(exchange);
        nonce.process(exchange);
    }
}
