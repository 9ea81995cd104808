package org.jointcall.gateway.agency;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates a local signing keystore when none is configured: an ecdsa-p256 key with a self-signed
 * certificate in {@code gateway.p12}, its random password in {@code gateway.p12.password} next to
 * it (owner-readable only). Good for a developer's first start; production configures a keystore
 * whose certificate partners have registered.
 */
public final class GeneratedKeystore {

    /** How long a generated certificate is valid. */
    static final Duration VALIDITY = Duration.ofDays(730);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keystore;
    private final Path passwordFile;

    private GeneratedKeystore(Path keystore, Path passwordFile) {
        this.keystore = keystore;
        this.passwordFile = passwordFile;
    }

    /** The keystore in {@code directory}, created on first use. */
    public static GeneratedKeystore in(Path directory, String alias) {
        GeneratedKeystore generated = new GeneratedKeystore(directory.resolve("gateway.p12"), directory.resolve("gateway.p12.password"));
        if (!Files.exists(generated.keystore)) {
            generated.create(alias);
        }
        return generated;
    }

    public Path keystore() {
        return keystore;
    }

    public char[] password() {
        try {
            return Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generated keystore password " + passwordFile + ": " + e.getMessage(), e);
        }
    }

    private void create(String alias) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        try {
            Files.createDirectories(keystore.getParent());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {selfSigned(pair)});
            writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.US_ASCII));
            try (OutputStream out = Files.newOutputStream(keystore)) {
                store.store(out, password);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local signing keystore " + keystore + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the local signing key: " + e.getMessage(), e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair) throws OperatorCreationException, GeneralSecurityException {
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=jointcall-gateway (generated for local use)");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, RANDOM).abs(),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(file, content);
    }
}
