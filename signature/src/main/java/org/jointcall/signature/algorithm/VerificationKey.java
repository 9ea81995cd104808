package org.jointcall.signature.algorithm;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.encoders.Hex;

/**
 * A key that checks signatures, bound to the one algorithm it may be used with.
 *
 * <p>Binding the algorithm to the key (instead of taking it from the message) is what defeats
 * algorithm confusion: a verifier asks the key, never the signer, how to verify. Equal when algorithm
 * and key material are equal.
 */
public final class VerificationKey {

    private final SignatureAlgorithm algorithm;
    private final CipherParameters key;
    private final byte[] encoded;

    private VerificationKey(SignatureAlgorithm algorithm, CipherParameters key) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        String problem = algorithm.keyProblem(key, false);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.key = key;
        this.encoded = encode(key);
    }

    /** A public key (or, for {@code hmac-sha256}, a {@link KeyParameter} secret) for {@code algorithm}. */
    public static VerificationKey of(SignatureAlgorithm algorithm, CipherParameters key) {
        return new VerificationKey(algorithm, key);
    }

    /** An {@code hmac-sha256} secret (tests only; at least 32 bytes). */
    public static VerificationKey hmac(byte[] secret) {
        return new VerificationKey(SignatureAlgorithm.HMAC_SHA256, new KeyParameter(secret));
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** The Bouncy Castle key parameters (a public key, or the shared secret for HMAC). */
    public CipherParameters parameters() {
        return key;
    }

    /** Whether {@code signature} is this key's signature over {@code data}. */
    public boolean verify(byte[] data, byte[] signature) {
        return algorithm.verify(key, data, signature);
    }

    /**
     * SHA-256 of the DER SubjectPublicKeyInfo (or of the secret), hex: a stable name for the key
     * material in logs and reports that reveals nothing.
     */
    public String fingerprint() {
        SHA256Digest digest = new SHA256Digest();
        digest.update(encoded, 0, encoded.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return Hex.toHexString(hash);
    }

    private static byte[] encode(CipherParameters key) {
        if (key instanceof KeyParameter) {
            return ((KeyParameter) key).getKey();
        }
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo((AsymmetricKeyParameter) key).getEncoded();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode " + SignatureAlgorithm.describe(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof VerificationKey)) {
            return false;
        }
        VerificationKey that = (VerificationKey) other;
        return algorithm == that.algorithm && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return algorithm.identifier() + " key " + fingerprint().substring(0, 16);
    }
}
