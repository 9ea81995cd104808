package org.jointcall.signature.keys;

import java.util.Objects;

import org.jointcall.signature.algorithm.SigningKey;

/**
 * The key the gateway signs with and the {@code keyid} partners know it by, plus the validity of its
 * certificate when it came from a keystore (for the expiry report).
 */
public final class SigningIdentity {

    private final String keyId;
    private final SigningKey key;
    private final Validity validity;
    private final String source;

    private SigningIdentity(String keyId, SigningKey key, Validity validity, String source) {
        this.keyId = RegisteredKey.requireKeyId(keyId);
        this.key = Objects.requireNonNull(key, "signing key");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** An identity without a validity window (e.g. a test key). */
    public static SigningIdentity of(String keyId, SigningKey key) {
        return new SigningIdentity(keyId, key, Validity.unbounded(), "configured in code");
    }

    /** An identity whose certificate is valid during {@code validity}. */
    public static SigningIdentity of(String keyId, SigningKey key, Validity validity, String source) {
        return new SigningIdentity(keyId, key, validity, source);
    }

    public String keyId() {
        return keyId;
    }

    public SigningKey key() {
        return key;
    }

    /** The certificate's validity, or unbounded for a key configured without one. */
    public Validity validity() {
        return validity;
    }

    /** Where the key was loaded from, e.g. the keystore path and alias. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return keyId + " (" + key.algorithm() + ", " + source + ")";
    }
}
