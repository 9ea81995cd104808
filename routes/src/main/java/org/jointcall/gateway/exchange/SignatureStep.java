package org.jointcall.gateway.exchange;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jointcall.gateway.signature.PendingNonce;
import org.jointcall.gateway.signature.PostgresNonceStore;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.verify.SignatureRejectedException;
import org.jointcall.signature.verify.Verdict;

/**
 * Fourth step: the request must carry a valid {@code jointcall-v1} signature by a key registered
 * for the path's agency, with a matching {@code Content-Digest}, fresh {@code created} and an unused
 * nonce. A refusal carries the signature module's problem kind (slug and status) unchanged. The nonce
 * is only checked here; it is spent with the ledger row, or by {@link NonceStep} for requests that write none.
 */
@ApplicationScoped
public class SignatureStep implements Processor {

    @Inject
    KeyRegistry partnerKeys;

    @Inject
    PostgresNonceStore nonces;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void process(Exchange exchange) {
        InboundMessage message = InboundMessage.of(exchange);
        PendingNonce nonce = new PendingNonce(nonces);
        try {
            Verdict verdict = SignatureProfile.requestVerifier(partnerKeys, nonce, clock)
                    .verify(message.request(), message.agency().keyOwner());
            message.verified(verdict, nonce);
        } catch (SignatureRejectedException e) {
            e.keyId().ifPresent(message::claimedKeyId);
            throw new ProblemException(Problem.of(e.kind(), e.detail()), e);
        }
    }
}
