package org.jointcall.signature.algorithm;

import java.util.Objects;

import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A private key (or shared secret) that creates signatures with one fixed algorithm. Deliberately
 * without value equality or a printable form of the secret: it is never compared, logged or stored.
 */
public final class SigningKey {

    private final SignatureAlgorithm algorithm;
    private final CipherParameters key;

    private SigningKey(SignatureAlgorithm algorithm, CipherParameters key) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (!algorithm.canSign()) {
            throw new IllegalArgumentException(algorithm.identifier()
                    + " is accepted for verification only; sign with rsa-pss-sha512, ecdsa-p256-sha256 or ed25519");
        }
        String problem = algorithm.keyProblem(key, true);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.key = key;
    }

    /** A private key for {@code algorithm} (for {@code hmac-sha256}: a {@link KeyParameter}). */
    public static SigningKey of(SignatureAlgorithm algorithm, CipherParameters key) {
        return new SigningKey(algorithm, key);
    }

    /** An {@code hmac-sha256} secret (tests only; at least 32 bytes). */
    public static SigningKey hmac(byte[] secret) {
        return new SigningKey(SignatureAlgorithm.HMAC_SHA256, new KeyParameter(secret));
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** The Bouncy Castle private key parameters. */
    public CipherParameters parameters() {
        return key;
    }

    /** The signature of {@code data}. */
    public byte[] sign(byte[] data) {
        return algorithm.sign(key, data, PerThreadRandom.current());
    }

    /** The key that verifies this key's signatures. */
    public VerificationKey verificationKey() {
        if (key instanceof Ed25519PrivateKeyParameters) {
            return VerificationKey.of(algorithm, ((Ed25519PrivateKeyParameters) key).generatePublicKey());
        }
        if (key instanceof ECPrivateKeyParameters) {
            ECPrivateKeyParameters ec = (ECPrivateKeyParameters) key;
            return VerificationKey.of(algorithm, new ECPublicKeyParameters(
                    new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()).normalize(), ec.getParameters()));
        }
        if (key instanceof RSAPrivateCrtKeyParameters) {
            RSAPrivateCrtKeyParameters rsa = (RSAPrivateCrtKeyParameters) key;
            return VerificationKey.of(algorithm, new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent()));
        }
        if (algorithm == SignatureAlgorithm.HMAC_SHA256) {
            return VerificationKey.of(algorithm, key);
        }
        throw new IllegalStateException("cannot derive the public key of " + SignatureAlgorithm.describe(key)
                + " without CRT parameters; load the public key separately");
    }

    @Override
    public String toString() {
        return algorithm.identifier() + " signing key";
    }
}
