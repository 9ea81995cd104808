package org.jointcall.signature.keys;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.algorithm.VerificationKey;

/**
 * Keys from PEM text (RFC 7468) via Bouncy Castle's {@link PEMParser}: SubjectPublicKeyInfo,
 * PKCS#1 RSA public keys, X.509 certificates, PKCS#8 and traditional (SEC1, PKCS#1) private keys.
 *
 * <p>The algorithm follows from the key where the key admits only one (Ed25519, P-256, an RSA key
 * marked id-RSASSA-PSS); a plain RSA key could be {@code rsa-pss-sha512} or
 * {@code rsa-v1_5-sha256}, so for those the caller must say which.
 */
public final class PemKeys {

    private PemKeys() {
    }

    /** The public key in {@code pem}; {@code algorithm} may be {@code null} where the key implies it. */
    public static VerificationKey publicKey(String pem, SignatureAlgorithm algorithm) {
        Object object = single(pem);
        SubjectPublicKeyInfo info;
        if (object instanceof SubjectPublicKeyInfo) {
            info = (SubjectPublicKeyInfo) object;
        } else if (object instanceof X509CertificateHolder) {
            info = ((X509CertificateHolder) object).getSubjectPublicKeyInfo();
        } else {
            throw new KeyFileException("expected a PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE, found " + describe(object));
        }
        return verificationKey(info, algorithm);
    }

    /** The private key in {@code pem} (unencrypted); {@code algorithm} may be {@code null} where the key implies it. */
    public static SigningKey privateKey(String pem, SignatureAlgorithm algorithm) {
        Object object = single(pem);
        PrivateKeyInfo info;
        if (object instanceof PrivateKeyInfo) {
            info = (PrivateKeyInfo) object;
        } else if (object instanceof PEMKeyPair) {
            info = ((PEMKeyPair) object).getPrivateKeyInfo();
        } else {
            throw new KeyFileException("expected an unencrypted PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY, found " + describe(object));
        }
        return signingKey(info, algorithm);
    }

    /** The key of a SubjectPublicKeyInfo with its algorithm, declared or implied. */
    static VerificationKey verificationKey(SubjectPublicKeyInfo info, SignatureAlgorithm declared) {
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new KeyFileException("unsupported or damaged public key (" + info.getAlgorithm().getAlgorithm() + "): " + e.getMessage(), e);
        }
        boolean pss = PKCSObjectIdentifiers.id_RSASSA_PSS.equals(info.getAlgorithm().getAlgorithm());
        return VerificationKey.of(algorithmOf(key, pss, declared), key);
    }

    /** The key of a PrivateKeyInfo with its algorithm, declared or implied. */
    static SigningKey signingKey(PrivateKeyInfo info, SignatureAlgorithm declared) {
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new KeyFileException("unsupported or damaged private key (" + info.getPrivateKeyAlgorithm().getAlgorithm() + "): "
                    + e.getMessage(), e);
        }
        boolean pss = PKCSObjectIdentifiers.id_RSASSA_PSS.equals(info.getPrivateKeyAlgorithm().getAlgorithm());
        return SigningKey.of(algorithmOf(key, pss, declared), key);
    }

    private static SignatureAlgorithm algorithmOf(AsymmetricKeyParameter key, boolean markedPss, SignatureAlgorithm declared) {
        SignatureAlgorithm implied = null;
        if (key instanceof Ed25519PublicKeyParameters || key instanceof Ed25519PrivateKeyParameters) {
            implied = SignatureAlgorithm.ED25519;
        } else if (key instanceof ECKeyParameters) {
            implied = SignatureAlgorithm.ECDSA_P256_SHA256;
        } else if (markedPss) {
            implied = SignatureAlgorithm.RSA_PSS_SHA512;
        }
        if (declared == null) {
            if (implied == null) {
                throw new KeyFileException("an RSA key can be used with rsa-pss-sha512 or rsa-v1_5-sha256; declare which");
            }
            return implied;
        }
        if (implied != null && implied != declared) {
            throw new KeyFileException("the key is declared as " + declared + " but is a key for " + implied);
        }
        return declared;
    }

    private static Object single(String pem) {
        List<Object> objects = new ArrayList<>(1);
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new KeyFileException("not readable as PEM: " + e.getMessage(), e);
        }
        if (objects.size() != 1) {
            throw new KeyFileException("expected exactly one PEM object, found " + objects.size()
                    + (objects.isEmpty() ? " (no -----BEGIN …----- block)" : "; put one key or certificate per file"));
        }
        return objects.get(0);
    }

    private static String describe(Object object) {
        return object.getClass().getSimpleName();
    }
}
