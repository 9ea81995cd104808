package org.jointcall.signature.verify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.base.ComponentIdentifier;
import org.jointcall.signature.base.MessageSignature;

/**
 * The record of an accepted signature, kept in the ledger next to the message bytes as
 * non-repudiation evidence: who signed (agency, key id, algorithm), what the signature covered and
 * when it was made, and the exact {@code Signature-Input}/{@code Signature} members so the check can
 * be repeated later from the stored message.
 */
public final class Verdict {

    private final String agency;
    private final String keyId;
    private final SignatureAlgorithm algorithm;
    private final String label;
    private final List<String> coveredComponents;
    private final Instant created;
    private final Instant expires;
    private final String nonce;
    private final String tag;
    private final String signatureInput;
    private final String signature;

    Verdict(String agency, String keyId, SignatureAlgorithm algorithm, MessageSignature accepted) {
        this.agency = Objects.requireNonNull(agency, "agency");
        this.keyId = Objects.requireNonNull(keyId, "key id");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.label = accepted.label();
        this.coveredComponents = accepted.parameters().components().stream().map(ComponentIdentifier::serialize).collect(Collectors.toUnmodifiableList());
        this.created = accepted.parameters().created().orElseThrow();
        this.expires = accepted.parameters().expires().orElse(null);
        this.nonce = accepted.parameters().nonce().orElse(null);
        this.tag = accepted.parameters().tag().orElse(null);
        this.signatureInput = accepted.signatureInputMember();
        this.signature = accepted.signatureMember();
    }

    /** The agency whose registered key made the signature. */
    public String agency() {
        return agency;
    }

    public String keyId() {
        return keyId;
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** The label of the verified signature in the message. */
    public String label() {
        return label;
    }

    /** The covered component identifiers, serialised, in signing order. */
    public List<String> coveredComponents() {
        return coveredComponents;
    }

    public Instant created() {
        return created;
    }

    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    public Optional<String> nonce() {
        return Optional.ofNullable(nonce);
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** The verified {@code Signature-Input} member, e.g. {@code jointcall=("@method" …);created=…}. */
    public String signatureInput() {
        return signatureInput;
    }

    /** The verified {@code Signature} member, e.g. {@code jointcall=:base64:}. */
    public String signature() {
        return signature;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Verdict)) {
            return false;
        }
        Verdict that = (Verdict) other;
        return agency.equals(that.agency) && keyId.equals(that.keyId) && algorithm == that.algorithm
                && signatureInput.equals(that.signatureInput) && signature.equals(that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agency, keyId, algorithm, signatureInput, signature);
    }

    @Override
    public String toString() {
        return "verified " + label + " by " + agency + "/" + keyId + " (" + algorithm + ") covering " + coveredComponents + " created " + created;
    }
}
