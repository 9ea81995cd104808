package org.jointcall.signature.keys;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the {@code keyid} of a signature to a registered partner key.
 *
 * <p>Key ids are unique across agencies, so a lookup can tell "unknown key" from "key of another
 * agency" — the latter is an attempt to speak for someone else and is reported as such. The file
 * registry in this package and a database-backed one in the gateway both implement this.
 */
public interface KeyRegistry {

    /** The key registered under {@code keyId}, whichever agency it belongs to. */
    Optional<RegisteredKey> find(String keyId);

    /** Every registered key, e.g. for the expiry report. */
    List<RegisteredKey> keys();

    /** A fixed registry of {@code keys}; key ids must be unique. */
    static KeyRegistry of(Collection<RegisteredKey> keys) {
        return KeySet.of(keys);
    }
}
