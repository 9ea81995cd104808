package org.jointcall.signature;

import java.util.Objects;

import org.jointcall.signature.base.MessageSignature;
import org.jointcall.signature.base.SignatureBase;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.HttpMessage;

/**
 * A message after signing: the signed message itself, and the field lines that signing added, which
 * is what a transport copies onto its real request or response.
 */
public final class Signed<M extends HttpMessage> {

    private final M message;
    private final HttpFields addedFields;
    private final MessageSignature signature;
    private final SignatureBase base;

    Signed(M message, HttpFields addedFields, MessageSignature signature, SignatureBase base) {
        this.message = Objects.requireNonNull(message, "message");
        this.addedFields = Objects.requireNonNull(addedFields, "added fields");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.base = Objects.requireNonNull(base, "base");
    }

    /** The message with every added field line appended. */
    public M message() {
        return message;
    }

    /**
     * The lines to set on the outgoing message, in order: {@code Content-Digest} (when the signer
     * computed one), {@code Signature-Input}, {@code Signature}. A transport must replace any
     * {@code Content-Digest} it already had.
     */
    public HttpFields addedFields() {
        return addedFields;
    }

    public MessageSignature signature() {
        return signature;
    }

    /** The signature base that was signed (for logs and debugging a partner's verification). */
    public SignatureBase base() {
        return base;
    }

    @Override
    public String toString() {
        return "signed " + signature + " adding " + addedFields;
    }
}
