package org.jointcall.signature.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Keys and certificates that expire within a warning window, soonest first: the input for the
 * coordinators' certificate-expiry alerts. Keys that already expired stay in the report (with
 * negative remaining time) until someone removes them, because a silently expired partner key is
 * exactly what the alert exists to prevent.
 */
public final class ExpiryReport {

    /** Sixty days: long enough to arrange a rotation with a partner agency. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(60);

    private final Instant now;
    private final Duration window;
    private final List<ExpiringKey> entries;

    private ExpiryReport(Instant now, Duration window, List<ExpiringKey> entries) {
        this.now = now;
        this.window = window;
        this.entries = List.copyOf(entries);
    }

    /** The partner keys of {@code registry} and the gateway's own identities expiring before {@code now + window}. */
    public static ExpiryReport of(KeyRegistry registry, Collection<SigningIdentity> ownKeys, Instant now, Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("expiry window " + window + " must not be negative");
        }
        Instant horizon = now.plus(window);
        List<ExpiringKey> entries = new ArrayList<>();
        for (RegisteredKey key : registry.keys()) {
            key.validity().notAfter().filter(end -> !end.isAfter(horizon))
                    .ifPresent(end -> entries.add(new ExpiringKey(key.agency(), key.keyId(), end, now, key.source())));
        }
        for (SigningIdentity own : ownKeys) {
            own.validity().notAfter().filter(end -> !end.isAfter(horizon))
                    .ifPresent(end -> entries.add(new ExpiringKey(ExpiringKey.GATEWAY, own.keyId(), end, now, own.source())));
        }
        entries.sort(Comparator.comparing(ExpiringKey::notAfter).thenComparing(ExpiringKey::keyId));
        return new ExpiryReport(now, window, entries);
    }

    /** The entries, soonest expiry first. */
    public List<ExpiringKey> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Instant now() {
        return now;
    }

    public Duration window() {
        return window;
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "no key expires within " + window.toDays() + " days of " + now : entries.toString();
    }
}
