package org.jointcall.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jointcall.signature.base.ComponentIdentifier;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.verify.MessageVerifier;
import org.jointcall.signature.verify.NonceStore;
import org.jointcall.signature.verify.VerificationPolicy;

/**
 * The {@code jointcall-v1} profile of RFC 9421 (DESIGN §4) in one place.
 *
 * <p>A request covers {@code "@method" "@authority" "@path" "@query" "content-type" "content-digest"}
 * with {@code created}, {@code expires}, {@code nonce}, {@code keyid} and {@code tag}: enough that a
 * captured body cannot be re-aimed at another endpoint, re-typed, altered or replayed. A receipt
 * covers {@code "@status" "content-digest" "signature";req}, which binds the acknowledgement to the
 * exact signature of the request it acknowledges — the non-repudiation evidence both sides keep.
 */
public final class SignatureProfile {

    /** The {@code tag} every profile signature carries (RFC 9421 §2.3). */
    public static final String TAG = "jointcall-v1";

    /** The label under which the gateway attaches its signatures. */
    public static final String LABEL = "jointcall";

    /** Components a partner request must cover, in the order the gateway signs them. */
    public static final List<ComponentIdentifier> REQUEST_COMPONENTS = List.of(
            ComponentIdentifier.of("@method"),
            ComponentIdentifier.of("@authority"),
            ComponentIdentifier.of("@path"),
            ComponentIdentifier.of("@query"),
            ComponentIdentifier.of("content-type"),
            ComponentIdentifier.of("content-digest"));

    /**
     * The {@code Accept-Signature} value (RFC 9421 §5.1) that asks for a request signature under this profile: the
     * components to cover, {@code created}, {@code expires}, {@code nonce}, {@code keyid} and the tag. Sent with every
     * 401, so a partner's developer reads there what a signature must hold.
     */
    public static String acceptSignature() {
        StringBuilder value = new StringBuilder(LABEL).append("=(");
        for (int i = 0; i < REQUEST_COMPONENTS.size(); i++) {
            value.append(i == 0 ? "" : " ").append(REQUEST_COMPONENTS.get(i).serialize());
        }
        return value.append(");created;expires;nonce;keyid;tag=\"").append(TAG).append('"').toString();
    }

    /** Components a receipt must cover. */
    public static final List<ComponentIdentifier> RECEIPT_COMPONENTS = List.of(
            ComponentIdentifier.of("@status"),
            ComponentIdentifier.of("content-digest"),
            ComponentIdentifier.of("signature").fromRequest());

    /** How long a request signature stays valid after {@code created}. */
    public static final Duration REQUEST_LIFETIME = Duration.ofMinutes(5);

    private SignatureProfile() {
    }

    /** The policy for partner requests: profile components, tag, nonce and expires required, 60 s skew. */
    public static VerificationPolicy requestPolicy() {
        return VerificationPolicy.builder()
                .requireComponents(REQUEST_COMPONENTS)
                .tag(TAG)
                .requireNonce(true)
                .requireExpires(true)
                .build();
    }

    /**
     * The policy for receipts: profile components and tag, 60 s skew. Receipts carry no nonce: the
     * request signature they cover is already unique.
     */
    public static VerificationPolicy receiptPolicy() {
        return VerificationPolicy.builder()
                .requireComponents(RECEIPT_COMPONENTS)
                .tag(TAG)
                .build();
    }

    /** A verifier for inbound partner requests. */
    public static MessageVerifier requestVerifier(KeyRegistry keys, NonceStore nonces, Clock clock) {
        return new MessageVerifier(requestPolicy(), keys, nonces, clock);
    }

    /** A verifier for partners' receipts of the gateway's outbound requests (no nonce is spent). */
    public static MessageVerifier receiptVerifier(KeyRegistry keys, NonceStore nonces, Clock clock) {
        return new MessageVerifier(receiptPolicy(), keys, nonces, clock);
    }
}
