package org.jointcall.gateway.delivery;

import java.net.URI;
import java.util.Objects;

import org.jointcall.gateway.ledger.HeaderLines;
import org.jointcall.signature.message.RequestMessage;

/**
 * A push's request as the gateway sent it, kept with the partner's receipt: the receipt signs over this
 * request's signature, so together they are evidence that a third party can verify again. The body is
 * not kept: the recipient's adapter writes it again from the outbox's canonical XML, and the signed
 * {@code Content-Digest} among the header lines shows whether it wrote the same bytes.
 *
 * @param headersJson the header lines, in the ledger's evidence shape ({@link HeaderLines})
 */
public record SentRequest(URI target, String headersJson) {

    public SentRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(headersJson, "headersJson");
    }

    /** The signed request as it goes on the wire: every header line it carries, signature included. */
    public static SentRequest of(RequestMessage signed) {
        return new SentRequest(signed.targetUri(), HeaderLines.toJson(signed.fields()));
    }
}
