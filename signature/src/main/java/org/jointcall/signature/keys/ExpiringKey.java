package org.jointcall.signature.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the expiry report: a key that stops being valid within the warning window (or already
 * has). {@code owner} is the agency code, or {@code gateway} for the gateway's own signing key.
 */
public final class ExpiringKey {

    /** The owner named for the gateway's own keys. */
    public static final String GATEWAY = "gateway";

    private final String owner;
    private final String keyId;
    private final Instant notAfter;
    private final Duration remaining;
    private final String source;

    ExpiringKey(String owner, String keyId, Instant notAfter, Instant now, String source) {
        this.owner = owner;
        this.keyId = keyId;
        this.notAfter = notAfter;
        this.remaining = Duration.between(now, notAfter);
        this.source = source;
    }

    public String owner() {
        return owner;
    }

    public String keyId() {
        return keyId;
    }

    public Instant notAfter() {
        return notAfter;
    }

    /** Time left at report time; negative once expired. */
    public Duration remaining() {
        return remaining;
    }

    public boolean expired() {
        return remaining.isNegative();
    }

    public String source() {
        return source;
    }

    /** A sentence for an alert, e.g. {@code key nsf/nsf-2026-a expires 2026-12-01T00:00:00Z (in 12 days)}. */
    public String describe() {
        return "key " + owner + "/" + keyId + (expired() ? " expired " : " expires ") + notAfter + " ("
                + (expired() ? remaining.negated().toDays() + " days ago" : "in " + remaining.toDays() + " days") + ", " + source + ")";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ExpiringKey)) {
            return false;
        }
        ExpiringKey that = (ExpiringKey) other;
        return owner.equals(that.owner) && keyId.equals(that.keyId) && notAfter.equals(that.notAfter) && remaining.equals(that.remaining);
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, keyId, notAfter, remaining);
    }

    @Override
    public String toString() {
        return describe();
    }
}
