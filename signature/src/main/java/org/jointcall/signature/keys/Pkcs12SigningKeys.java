package org.jointcall.signature.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.algorithm.VerificationKey;

/**
 * Loads the gateway's own signing key from a PKCS#12 keystore.
 *
 * <p>The password is a parameter, never a constant: the caller reads it from configuration or the
 * environment, so neither the keystore's secret nor a default for it lives in the repository. The
 * certificate stored with the key must carry the matching public key; its validity becomes the
 * identity's validity, which feeds the expiry report. RSA keys sign with {@code rsa-pss-sha512}, the
 * only RSA scheme the gateway signs with.
 */
public final class Pkcs12SigningKeys {

    private Pkcs12SigningKeys() {
    }

    /**
     * The signing identity stored under {@code alias} in {@code keystore}.
     *
     * @param alias the entry to use, or {@code null} when the keystore holds exactly one key entry
     * @param keyId the {@code keyid} partners have registered for this key
     * @throws KeyFileException when the file, password, alias, key or certificate is unusable
     */
    public static SigningIdentity load(Path keystore, char[] password, String alias, String keyId) {
        Objects.requireNonNull(password, "keystore password (read it from configuration, e.g. an environment variable)");
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            throw new KeyFileException(keystore + ": cannot open as PKCS#12 (wrong password or damaged file): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(keystore + ": cannot open as PKCS#12: " + e.getMessage(), e);
        }
        String entry = alias == null ? onlyKeyEntry(store, keystore) : alias;
        String source = keystore + "#" + entry;
        Key key;
        Certificate certificate;
        try {
            if (!store.isKeyEntry(entry)) {
                throw new KeyFileException(source + ": no private key entry under this alias (key entries: " + keyEntries(store) + ")");
            }
            key = store.getKey(entry, password);
            certificate = store.getCertificate(entry);
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(source + ": cannot read the key entry: " + e.getMessage(), e);
        }
        if (!(key instanceof PrivateKey) || !(certificate instanceof X509Certificate)) {
            throw new KeyFileException(source + ": the entry must be a private key with its X.509 certificate");
        }
        X509Certificate x509 = (X509Certificate) certificate;
        SigningKey signingKey;
        VerificationKey certified;
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            signingKey = PemKeys.signingKey(info, rsa(key) ? SignatureAlgorithm.RSA_PSS_SHA512 : null);
            certified = PemKeys.verificationKey(SubjectPublicKeyInfo.getInstance(x509.getPublicKey().getEncoded()), signingKey.algorithm());
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(source + ": " + e.getMessage(), e);
        }
        if (!certified.equals(signingKey.verificationKey())) {
            throw new KeyFileException(source + ": the certificate (" + x509.getSubjectX500Principal()
                    + ") carries a different public key than the private key of this entry");
        }
        return SigningIdentity.of(keyId, signingKey, Validity.between(x509.getNotBefore().toInstant(), x509.getNotAfter().toInstant()),
                source + " (" + x509.getSubjectX500Principal() + ")");
    }

    private static boolean rsa(Key key) {
        return "RSA".equalsIgnoreCase(key.getAlgorithm()) || "RSASSA-PSS".equalsIgnoreCase(key.getAlgorithm());
    }

    private static String onlyKeyEntry(KeyStore store, Path keystore) {
        List<String> entries = keyEntries(store);
        if (entries.size() != 1) {
            throw new KeyFileException(keystore + ": holds " + entries.size() + " key entries " + entries + "; name the alias to use");
        }
        return entries.get(0);
    }

    private static List<String> keyEntries(KeyStore store) {
        List<String> entries = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    entries.add(alias);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new KeyFileException("cannot list keystore entries: " + e.getMessage(), e);
        }
        return entries;
    }
}
