package org.jointcall.signature.digest;

import java.util.Optional;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The digest algorithms of the Hash Algorithms for HTTP Digest Fields registry (RFC 9530 §7.2) with
 * status "Active". The deprecated ones (md5, sha, unixsum, …) are not modelled at all, so a digest
 * field that offers only those counts as having no usable digest.
 */
public enum DigestAlgorithm {
    SHA_256("sha-256"),
    SHA_512("sha-512");

    private final String key;

    DigestAlgorithm(String key) {
        this.key = key;
    }

    /** The dictionary key in digest fields, e.g. {@code sha-256}. */
    public String key() {
        return key;
    }

    /** The algorithm with dictionary key {@code key}, if it is one of the active ones. */
    public static Optional<DigestAlgorithm> byKey(String key) {
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.key.equals(key)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The digest of {@code bytes}. */
    public byte[] digest(byte[] bytes) {
        Digest digest = this == SHA_256 ? new SHA256Digest() : new SHA512Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return key;
    }
}
