package org.jointcall.signature.verify;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A nonce store for tests and single-process use: a concurrent map from key id and nonce to expiry,
 * purged of expired entries as it goes. Not shared between processes, so not for a cluster.
 */
public final class InMemoryNonceStore implements NonceStore {

    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    public InMemoryNonceStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstUse(String keyId, String nonce, Instant expiresAt) {
        Instant now = clock.instant();
        seen.values().removeIf(expiry -> expiry.isBefore(now));
        return seen.putIfAbsent(keyId + '\u0000' + nonce, expiresAt) == null;
    }

    /** How many nonces are currently remembered. */
    public int size() {
        return seen.size();
    }
}
