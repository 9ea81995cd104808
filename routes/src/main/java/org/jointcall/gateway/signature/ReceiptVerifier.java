package org.jointcall.gateway.signature;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.agency.Agency;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.verify.MessageVerifier;
import org.jointcall.signature.verify.NonceStore;
import org.jointcall.signature.verify.SignatureRejectedException;
import org.jointcall.signature.verify.Verdict;

/**
 * Checks a partner's receipt for a request the gateway sent: signed by a registered key of that
 * partner, covering {@code @status}, {@code content-digest} and the gateway's own request signature.
 * The {@link Verdict} is the non-repudiation evidence to store next to the delivery.
 */
@ApplicationScoped
public class ReceiptVerifier {

    private MessageVerifier verifier;

    /** For the CDI proxy only. */
    protected ReceiptVerifier() {
    }

    @Inject
    public ReceiptVerifier(KeyRegistry partnerKeys, PostgresNonceStore nonces) {
        this(partnerKeys, nonces, Clock.systemUTC());
    }

    public ReceiptVerifier(KeyRegistry partnerKeys, NonceStore nonces, Clock clock) {
        this.verifier = SignatureProfile.receiptVerifier(partnerKeys, nonces, clock);
    }

    /**
     * @param receipt the partner's response, linked with {@code answering(signedRequest)} to the
     *        request exactly as the gateway sent it (with its Signature fields)
     */
    public Verdict verify(ResponseMessage receipt, Agency partner) throws SignatureRejectedException {
        return verifier.verify(receipt, partner.keyOwner());
    }
}
