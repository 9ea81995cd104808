package org.jointcall.signature.keys;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of registered keys indexed by key id: the snapshot a file registry swaps in on
 * every successful reload, and the simplest registry for tests.
 */
final class KeySet implements KeyRegistry {

    private final Map<String, RegisteredKey> byKeyId;

    private KeySet(Map<String, RegisteredKey> byKeyId) {
        this.byKeyId = byKeyId;
    }

    static KeySet of(Collection<RegisteredKey> keys) {
        Map<String, RegisteredKey> byKeyId = new LinkedHashMap<>();
        for (RegisteredKey key : keys) {
            RegisteredKey previous = byKeyId.putIfAbsent(key.keyId(), key);
            if (previous != null) {
                throw new KeyFileException("key id " + key.keyId() + " is registered twice: " + previous.agency() + " in "
                        + previous.source() + " and " + key.agency() + " in " + key.source() + "; key ids must be unique across agencies");
            }
        }
        return new KeySet(byKeyId);
    }

    @Override
    public Optional<RegisteredKey> find(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    @Override
    public List<RegisteredKey> keys() {
        return List.copyOf(byKeyId.values());
    }

    @Override
    public String toString() {
        return byKeyId.values().toString();
    }
}
