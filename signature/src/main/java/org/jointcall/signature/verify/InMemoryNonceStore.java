package org.jointcall.signature.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A nonce store for tests and single-process use (the partner simulators keep one each): a concurrent map
 * from key id and nonce to expiry. Not shared between processes, so not for a cluster.
 *
 * <p>Expired entries are purged at most once a second: a simulator at a few hundred requests a second holds
 * tens of thousands of nonces for a signature's five minutes, and scanning them all on every request cost
 * more than the signature check itself.
 */
public final class InMemoryNonceStore implements NonceStore {

    private static final Duration PURGE_INTERVAL = Duration.ofSeconds(1);

    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    /** Racy on purpose: two threads purging at once do the same harmless work. */
    private volatile Instant nextPurge = Instant.MIN;

    public InMemoryNonceStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstUse(String keyId, String nonce, Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(nextPurge)) {
            nextPurge = now.plus(PURGE_INTERVAL);
            seen.values().removeIf(expiry -> expiry.isBefore(now));
        }
        return seen.putIfAbsent(keyId + '\u0000' + nonce, expiresAt) == null;
    }

    /** How many nonces are currently remembered, expired ones not purged yet included. */
    public int size() {
        return seen.size();
    }
}
