package org.jointcall.signature.digest;

import java.util.List;

/**
 * The outcome of comparing a {@code Content-Digest} with a body: matched (with the algorithms that
 * were checked), mismatched, or unusable because no member uses an active algorithm. The detail says
 * which digest differed and what the body actually digests to.
 */
public final class DigestCheck {

    /** The three ways a check can end. */
    public enum Outcome {
        MATCH,
        MISMATCH,
        NO_USABLE_DIGEST
    }

    private final Outcome outcome;
    private final List<DigestAlgorithm> checked;
    private final String detail;

    private DigestCheck(Outcome outcome, List<DigestAlgorithm> checked, String detail) {
        this.outcome = outcome;
        this.checked = List.copyOf(checked);
        this.detail = detail;
    }

    static DigestCheck match(List<DigestAlgorithm> checked) {
        return new DigestCheck(Outcome.MATCH, checked, "body matches " + checked);
    }

    static DigestCheck mismatch(String detail) {
        return new DigestCheck(Outcome.MISMATCH, List.of(), detail);
    }

    static DigestCheck noUsableDigest(String detail) {
        return new DigestCheck(Outcome.NO_USABLE_DIGEST, List.of(), detail);
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean matches() {
        return outcome == Outcome.MATCH;
    }

    /** The algorithms whose digests matched (empty unless {@link #matches()}). */
    public List<DigestAlgorithm> checked() {
        return checked;
    }

    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return outcome + ": " + detail;
    }
}
