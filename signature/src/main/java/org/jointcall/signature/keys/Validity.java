package org.jointcall.signature.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The window in which a key may be used, both ends inclusive and either end open. Keys rotate by
 * overlapping windows; certificates bring a window of their own, which a registry entry may narrow
 * but never widen.
 */
public final class Validity {

    private static final Validity UNBOUNDED = new Validity(null, null);

    private final Instant notBefore;
    private final Instant notAfter;

    private Validity(Instant notBefore, Instant notAfter) {
        if (notBefore != null && notAfter != null && !notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("not-before " + notBefore + " must be earlier than not-after " + notAfter);
        }
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    /** No limit on either side. */
    public static Validity unbounded() {
        return UNBOUNDED;
    }

    /** From {@code notBefore} until {@code notAfter}; {@code null} leaves that side open. */
    public static Validity between(Instant notBefore, Instant notAfter) {
        return notBefore == null && notAfter == null ? UNBOUNDED : new Validity(notBefore, notAfter);
    }

    public Optional<Instant> notBefore() {
        return Optional.ofNullable(notBefore);
    }

    public Optional<Instant> notAfter() {
        return Optional.ofNullable(notAfter);
    }

    /** Whether {@code instant} lies within the window. */
    public boolean contains(Instant instant) {
        return (notBefore == null || !instant.isBefore(notBefore)) && (notAfter == null || !instant.isAfter(notAfter));
    }

    /** Whether {@code instant} lies before the window opens. */
    public boolean startsAfter(Instant instant) {
        return notBefore != null && instant.isBefore(notBefore);
    }

    /** The part of this window that also lies within {@code other}. */
    public Validity narrowedTo(Validity other) {
        Instant start = notBefore == null || (other.notBefore != null && other.notBefore.isAfter(notBefore)) ? other.notBefore : notBefore;
        Instant end = notAfter == null || (other.notAfter != null && other.notAfter.isBefore(notAfter)) ? other.notAfter : notAfter;
        return between(start, end);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Validity && Objects.equals(((Validity) other).notBefore, notBefore)
                && Objects.equals(((Validity) other).notAfter, notAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(notBefore, notAfter);
    }

    /** E.g. {@code from 2026-01-01T00:00:00Z until 2027-01-01T00:00:00Z}. */
    @Override
    public String toString() {
        return (notBefore == null ? "without start" : "from " + notBefore) + " " + (notAfter == null ? "without end" : "until " + notAfter);
    }
}
