package org.jointcall.signature.keys;

import java.time.Instant;
import java.util.Objects;

import org.jointcall.signature.algorithm.VerificationKey;

/**
 * A partner's public key as registered with the gateway: which agency it speaks for, under which
 * {@code keyid}, with which algorithm, and during which window.
 *
 * <p>Rotation works by overlap: an agency publishes its next key with a {@code notBefore} while the
 * current one is still valid, and the verifier accepts whichever key the {@code keyid} names as long
 * as that key is valid. Open ends mean "no limit" on that side.
 */
public final class RegisteredKey {

    private final String agency;
    private final String keyId;
    private final VerificationKey key;
    private final Validity validity;
    private final String source;

    private RegisteredKey(Builder builder) {
        this.agency = AgencyCode.require(builder.agency);
        this.keyId = requireKeyId(builder.keyId);
        this.key = Objects.requireNonNull(builder.key, "key");
        this.validity = Objects.requireNonNull(builder.validity, "validity");
        this.source = builder.source == null ? "registered in code" : builder.source;
    }

    /** A key of {@code agency} named {@code keyId}; validity and source are optional. */
    public static Builder builder(String agency, String keyId, VerificationKey key) {
        return new Builder(agency, keyId, key);
    }

    public String agency() {
        return agency;
    }

    public String keyId() {
        return keyId;
    }

    /** The key with its algorithm. */
    public VerificationKey key() {
        return key;
    }

    /** When the key may be used. */
    public Validity validity() {
        return validity;
    }

    /** Where the key came from (a file path, a database row), for reports and error messages. */
    public String source() {
        return source;
    }

    /** Whether the key's window contains {@code instant} (both ends inclusive). */
    public boolean validAt(Instant instant) {
        return validity.contains(instant);
    }

    static String requireKeyId(String keyId) {
        if (keyId == null || keyId.isEmpty() || !keyId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("key id '" + keyId + "' must be non-empty visible ASCII without spaces, e.g. nsf-2026-a");
        }
        return keyId;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RegisteredKey)) {
            return false;
        }
        RegisteredKey that = (RegisteredKey) other;
        return agency.equals(that.agency) && keyId.equals(that.keyId) && key.equals(that.key)
                && validity.equals(that.validity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agency, keyId, key, validity);
    }

    @Override
    public String toString() {
        return agency + "/" + keyId + " (" + key.algorithm() + ", " + validity + ", " + source + ")";
    }

    /** Optional parts of a registered key. */
    public static final class Builder {

        private final String agency;
        private final String keyId;
        private final VerificationKey key;
        private Validity validity = Validity.unbounded();
        private String source;

        private Builder(String agency, String keyId, VerificationKey key) {
            this.agency = agency;
            this.keyId = keyId;
            this.key = key;
        }

        public Builder validity(Validity window) {
            this.validity = window;
            return this;
        }

        public Builder source(String description) {
            this.source = description;
            return this;
        }

        public RegisteredKey build() {
            return new RegisteredKey(this);
        }
    }
}
