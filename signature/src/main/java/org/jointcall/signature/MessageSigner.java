package org.jointcall.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import org.jointcall.signature.algorithm.PerThreadRandom;
import org.jointcall.signature.base.MessageSignature;
import org.jointcall.signature.base.MessageSignatures;
import org.jointcall.signature.base.SignatureBase;
import org.jointcall.signature.base.SignatureParameters;
import org.jointcall.signature.digest.ContentDigest;
import org.jointcall.signature.digest.DigestAlgorithm;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.HttpMessage;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.structured.KnownFieldTypes;

/**
 * Signs the gateway's outbound requests and its receipts with the gateway's own key, following
 * {@link SignatureProfile}.
 *
 * <p>The signer computes {@code Content-Digest} itself rather than trusting one already on the
 * message: the digest it signs is then always the digest of the body it was given. Times come from
 * the injected clock, nonces from a {@link java.security.SecureRandom} of the thread's (128 bits, base64url;
 * see {@link PerThreadRandom}).
 */
public final class MessageSigner {

    private static final int NONCE_BYTES = 16;

    private final SigningIdentity identity;
    private final Clock clock;
    private final Duration requestLifetime;
    private final DigestAlgorithm digestAlgorithm;

    /** A signer with the profile's request lifetime and SHA-512 content digests. */
    public MessageSigner(SigningIdentity identity, Clock clock) {
        this(identity, clock, SignatureProfile.REQUEST_LIFETIME, DigestAlgorithm.SHA_512);
    }

    public MessageSigner(SigningIdentity identity, Clock clock, Duration requestLifetime, DigestAlgorithm digestAlgorithm) {
        this.identity = Objects.requireNonNull(identity, "signing identity");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestLifetime = Objects.requireNonNull(requestLifetime, "request lifetime");
        if (requestLifetime.isNegative() || requestLifetime.isZero()) {
            throw new IllegalArgumentException("request lifetime " + requestLifetime + " must be positive");
        }
        this.digestAlgorithm = Objects.requireNonNull(digestAlgorithm, "digest algorithm");
    }

    /**
     * Signs a request: sets {@code Content-Digest}, then signs the profile's request components with
     * {@code created}, {@code expires}, {@code nonce}, {@code keyid} and {@code tag}.
     *
     * @throws IllegalArgumentException when the request lacks a covered field (such as
     *         {@code Content-Type}) or already carries a signature labelled {@value SignatureProfile#LABEL}
     */
    public Signed<RequestMessage> signRequest(RequestMessage request) {
        Instant created = now();
        SignatureParameters parameters = SignatureParameters.builder()
                .cover(SignatureProfile.REQUEST_COMPONENTS)
                .created(created)
                .expires(created.plus(requestLifetime))
                .keyId(identity.keyId())
                .nonce(newNonce())
                .tag(SignatureProfile.TAG)
                .build();
        return signWithDigest(request, parameters);
    }

    /**
     * Signs a receipt: a response linked to the signed request it answers. Sets
     * {@code Content-Digest} and covers {@code "@status" "content-digest" "signature";req}.
     *
     * @throws IllegalArgumentException when the response is not linked to a request or that request
     *         carries no {@code Signature}
     */
    public Signed<ResponseMessage> signReceipt(ResponseMessage response) {
        RequestMessage request = response.request().orElseThrow(() -> new IllegalArgumentException(
                "a receipt must be linked to the request it answers: use response.answering(request)"));
        if (!request.fields().contains(MessageSignatures.SIGNATURE)) {
            throw new IllegalArgumentException("the request answered by this receipt carries no Signature field to cover");
        }
        SignatureParameters parameters = SignatureParameters.builder()
                .cover(SignatureProfile.RECEIPT_COMPONENTS)
                .created(now())
                .keyId(identity.keyId())
                .tag(SignatureProfile.TAG)
                .build();
        return signWithDigest(response, parameters);
    }

    /**
     * Signs {@code message} exactly as {@code parameters} say, under {@code label}, adding only
     * {@code Signature-Input} and {@code Signature}. For interoperability tests and partners with
     * profiles of their own.
     */
    public <M extends HttpMessage> Signed<M> sign(M message, String label, SignatureParameters parameters) {
        return sign(message, label, parameters, HttpFields.empty());
    }

    private <M extends HttpMessage> Signed<M> signWithDigest(M message, SignatureParameters parameters) {
        String digest = ContentDigest.of(message.body(), digestAlgorithm).serialize();
        HttpFields digestField = HttpFields.of(ContentDigest.FIELD, digest);
        M withDigest = withFields(message, message.fields().without(ContentDigest.FIELD).withAll(digestField));
        return sign(withDigest, SignatureProfile.LABEL, parameters, digestField);
    }

    private <M extends HttpMessage> Signed<M> sign(M message, String label, SignatureParameters parameters, HttpFields alreadyAdded) {
        for (MessageSignature existing : MessageSignatures.read(message)) {
            if (existing.label().equals(label)) {
                throw new IllegalArgumentException("the message already carries a signature labelled " + label + ": " + existing);
            }
        }
        SignatureBase base = SignatureBase.of(message, parameters, KnownFieldTypes.defaults());
        MessageSignature signature = MessageSignature.of(label, parameters, identity.key().sign(base.bytes()));
        HttpFields signatureFields = signature.toFields();
        return new Signed<>(withFields(message, message.fields().withAll(signatureFields)), alreadyAdded.withAll(signatureFields),
                signature, base);
    }

    @SuppressWarnings("unchecked")
    private static <M extends HttpMessage> M withFields(M message, HttpFields fields) {
        return (M) message.withFields(fields);
    }

    private Instant now() {
        return Instant.ofEpochSecond(clock.instant().getEpochSecond());
    }

    private String newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        PerThreadRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "signer as " + identity;
    }
}
