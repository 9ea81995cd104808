package org.jointcall.signature.algorithm;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.util.Arrays;

/**
 * The algorithms of the HTTP Signature Algorithms registry (RFC 9421 §6.2) that the gateway speaks.
 *
 * <p>Each constant fixes every choice RFC 9421 §3.3 makes for it, so nothing is negotiable per
 * message: RSA-PSS uses SHA-512, MGF1-SHA-512 and a 64-byte salt; ECDSA signatures are the raw
 * 64-byte {@code r||s}, not DER, with deterministic nonces (RFC 6979); {@code rsa-v1_5-sha256} exists
 * only to verify partners that cannot do better, and {@code hmac-sha256} only for tests.
 */
public enum SignatureAlgorithm {

    RSA_PSS_SHA512("rsa-pss-sha512", true) {
        @Override
        Signer newSigner() {
            return new PSSSigner(new RSABlindedEngine(), new SHA512Digest(), PSS_SALT_LENGTH);
        }

        @Override
        String keyProblem(CipherParameters key, boolean signing) {
            return rsaKeyProblem(key, signing);
        }
    },

    RSA_V1_5_SHA256("rsa-v1_5-sha256", false) {
        @Override
        Signer newSigner() {
            return new RSADigestSigner(new SHA256Digest());
        }

        @Override
        String keyProblem(CipherParameters key, boolean signing) {
            return rsaKeyProblem(key, signing);
        }
    },

    HMAC_SHA256("hmac-sha256", true) {
        @Override
        Signer newSigner() {
            throw new UnsupportedOperationException("hmac-sha256 is a MAC, not a signature scheme");
        }

        @Override
        String keyProblem(CipherParameters key, boolean signing) {
            if (!(key instanceof KeyParameter) || key.getClass() != KeyParameter.class) {
                return "hmac-sha256 needs a shared secret, not " + describe(key);
            }
            int length = ((KeyParameter) key).getKeyLength();
            return length < MIN_HMAC_SECRET_BYTES
                    ? "hmac-sha256 secret has " + length + " bytes; at least " + MIN_HMAC_SECRET_BYTES + " are required"
                    : null;
        }

        @Override
        public byte[] sign(CipherParameters key, byte[] data, SecureRandom random) {
            return mac(key, data);
        }

        @Override
        public boolean verify(CipherParameters key, byte[] data, byte[] signature) {
            return Arrays.constantTimeAreEqual(mac(key, data), signature);
        }

        private byte[] mac(CipherParameters key, byte[] data) {
            HMac hmac = new HMac(new SHA256Digest());
            hmac.init(key);
            hmac.update(data, 0, data.length);
            byte[] out = new byte[hmac.getMacSize()];
            hmac.doFinal(out, 0);
            return out;
        }
    },

    ECDSA_P256_SHA256("ecdsa-p256-sha256", true) {
        @Override
        Signer newSigner() {
            return new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())), new SHA256Digest(),
                    PlainDSAEncoding.INSTANCE);
        }

        @Override
        String keyProblem(CipherParameters key, boolean signing) {
            if (!(key instanceof ECKeyParameters) || ((ECKeyParameters) key).isPrivate() != signing) {
                return "ecdsa-p256-sha256 needs an EC " + (signing ? "private" : "public") + " key, not " + describe(key);
            }
            ECDomainParameters domain = ((ECKeyParameters) key).getParameters();
            boolean p256 = domain.getCurve().equals(P256.getCurve()) && domain.getG().equals(P256.getG())
                    && domain.getN().equals(P256.getN());
            return p256 ? null : "ecdsa-p256-sha256 needs a key on curve P-256 (secp256r1), this key is on another curve";
        }

        @Override
        public boolean verify(CipherParameters key, byte[] data, byte[] signature) {
            return signature.length == 64 && super.verify(key, data, signature);
        }
    },

    ED25519("ed25519", true) {
        @Override
        Signer newSigner() {
            return new Ed25519Signer();
        }

        @Override
        String keyProblem(CipherParameters key, boolean signing) {
            boolean fits = signing ? key instanceof Ed25519PrivateKeyParameters : key instanceof Ed25519PublicKeyParameters;
            return fits ? null : "ed25519 needs an Ed25519 " + (signing ? "private" : "public") + " key, not " + describe(key);
        }
    };

    /** RFC 9421 §3.3.1: "the salt length (sLen) is 64 bytes". */
    public static final int PSS_SALT_LENGTH = 64;
    /** Smallest RSA modulus accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;
    /** Smallest HMAC secret accepted, in bytes (the output size of SHA-256). */
    public static final int MIN_HMAC_SECRET_BYTES = 32;

    private static final ECDomainParameters P256 = ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1);

    private final String identifier;
    private final boolean canSign;

    SignatureAlgorithm(String identifier, boolean canSign) {
        this.identifier = identifier;
        this.canSign = canSign;
    }

    /** The registry name used in the {@code alg} parameter, e.g. {@code ecdsa-p256-sha256}. */
    public String identifier() {
        return identifier;
    }

    /** Whether the gateway may create signatures with this algorithm ({@code rsa-v1_5-sha256} is verify-only). */
    public boolean canSign() {
        return canSign;
    }

    /** The algorithm registered under {@code identifier}, if the gateway knows it. */
    public static Optional<SignatureAlgorithm> byIdentifier(String identifier) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.identifier.equals(identifier)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** A fresh Bouncy Castle signer configured as RFC 9421 prescribes (not for {@code hmac-sha256}). */
    abstract Signer newSigner();

    /** Why {@code key} cannot be used for signing ({@code signing}) or verifying; {@code null} when it can. */
    abstract String keyProblem(CipherParameters key, boolean signing);

    /** The raw signature of {@code data}; {@code key} has been checked by {@link SigningKey}. */
    public byte[] sign(CipherParameters key, byte[] data, SecureRandom random) {
        Signer signer = newSigner();
        // ECDSA draws its nonce k and Bouncy Castle's blinding from the random given; without one it would use a
        // process-wide generator (see PerThreadRandom). Ed25519 and HMAC are deterministic and take none.
        signer.init(true, this == RSA_PSS_SHA512 || this == ECDSA_P256_SHA256 ? new ParametersWithRandom(key, random) : key);
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException(identifier + " signing failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is a valid signature of {@code data}; {@code key} has been checked by {@link VerificationKey}. */
    public boolean verify(CipherParameters key, byte[] data, byte[] signature) {
        Signer signer = newSigner();
        signer.init(false, key);
        signer.update(data, 0, data.length);
        return signer.verifySignature(signature);
    }

    private static String rsaKeyProblem(CipherParameters key, boolean signing) {
        if (!(key instanceof RSAKeyParameters) || ((RSAKeyParameters) key).isPrivate() != signing) {
            return "RSA algorithms need an RSA " + (signing ? "private" : "public") + " key, not " + describe(key);
        }
        BigInteger modulus = ((RSAKeyParameters) key).getModulus();
        return modulus.bitLength() < MIN_RSA_BITS
                ? "RSA key has " + modulus.bitLength() + " bits; at least " + MIN_RSA_BITS + " are required"
                : null;
    }

    static String describe(CipherParameters key) {
        if (key instanceof Ed25519PublicKeyParameters) {
            return "an Ed25519 public key";
        }
        if (key instanceof Ed25519PrivateKeyParameters) {
            return "an Ed25519 private key";
        }
        if (key instanceof ECKeyParameters) {
            return "an EC " + (((ECKeyParameters) key).isPrivate() ? "private" : "public") + " key";
        }
        if (key instanceof RSAKeyParameters) {
            return "an RSA " + (((RSAKeyParameters) key).isPrivate() ? "private" : "public") + " key";
        }
        if (key instanceof KeyParameter) {
            return "a shared secret";
        }
        return key == null ? "no key" : "a " + key.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return identifier;
    }
}
