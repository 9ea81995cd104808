package org.jointcall.gateway.signature;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import org.jointcall.signature.verify.NonceStore;

/**
 * The nonce store handed to the verifier of one inbound request. It answers "replay" at once for a
 * nonce already in the table, but spends nothing: the nonce is recorded by {@link #spend(Connection)}
 * in the ledger transaction, so a request refused later (invalid body, wrong sender) does not burn
 * it, and an accepted one cannot be replayed even across instances.
 */
public final class PendingNonce implements NonceStore {

    private final PostgresNonceStore store;
    private String keyId;
    private String nonce;
    private Instant expiresAt;

    public PendingNonce(PostgresNonceStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public boolean firstUse(String usedKeyId, String usedNonce, Instant usedUntil) {
        if (store.seen(usedKeyId, usedNonce)) {
            return false;
        }
        this.keyId = usedKeyId;
        this.nonce = usedNonce;
        this.expiresAt = usedUntil;
        return true;
    }

    /** Records the nonce the verifier accepted; false when another request spent it meanwhile. */
    public boolean spend(Connection connection) throws SQLException {
        if (nonce == null) {
            throw new IllegalStateException("no nonce was verified for this request");
        }
        return store.spend(connection, keyId, nonce, expiresAt);
    }

    public String keyId() {
        return keyId;
    }
}
