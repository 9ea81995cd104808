package org.jointcall.signature.verify;

import java.time.Instant;

/**
 * Remembers the nonces of accepted signatures so that a captured request cannot be played again.
 *
 * <p>Implementations must be atomic across every gateway instance that shares the store (the
 * gateway's PostgreSQL store inserts with a unique key); the in-memory one is for tests and single
 * processes. A nonce only needs to be kept until {@code expiresAt}: after that the verifier refuses
 * the signature for its age alone.
 */
public interface NonceStore {

    /**
     * Records {@code nonce} for {@code keyId}.
     *
     * @param expiresAt when the signature stops being acceptable, so the entry may be forgotten
     * @return {@code true} the first time this key/nonce pair is seen, {@code false} for a replay
     */
    boolean firstUse(String keyId, String nonce, Instant expiresAt);
}
