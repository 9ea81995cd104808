package org.jointcall.gateway.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.keys.PemKeys;
import org.jointcall.signature.keys.SigningIdentity;

/**
 * The demo's agencies as the gateway must know them: JST (the ASPIRE lead, which pulls its inbox) and
 * the partners NSF, UKRI, DFG and NWO, each with its own ecdsa-p256 key pair. The private keys stay in
 * {@code <gateway.demo.dir>/keys} (owner-readable), generated on the first start and reused after, so
 * the ledger's signatures stay verifiable across restarts; the public halves go into the gateway's
 * configuration as {@code agencies/<CODE>/keys/<code>-demo.pem}, the key id being the file name.
 */
final class DemoAgencies {

    static final String LEAD = "JST";
    static final List<String> PARTNERS = List.of("NSF", "UKRI", "DFG", "NWO");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SigningIdentity> keys = new LinkedHashMap<>();

    private DemoAgencies() {
    }

    /** Loads or creates every agency's key and registers its public half under {@code configDirectory}. */
    static DemoAgencies prepare(Path keyDirectory, Path configDirectory) {
        DemoAgencies agencies = new DemoAgencies();
        for (String code : all()) {
            String keyId = code.toLowerCase(Locale.ROOT) + "-demo";
            Path privateKey = keyDirectory.resolve(keyId + ".key");
            Path publicKey = keyDirectory.resolve(keyId + ".pem");
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                generate(privateKey, publicKey);
            }
            agencies.keys.put(code, SigningIdentity.of(keyId, PemKeys.privateKey(read(privateKey), SignatureAlgorithm.ECDSA_P256_SHA256)));
            write(configDirectory.resolve("agencies").resolve(code).resolve("keys").resolve(keyId + ".pem"), read(publicKey));
        }
        write(configDirectory.resolve("agencies").resolve(LEAD).resolve("agency.json"),
                "{\"agency\":\"" + LEAD + "\",\"mode\":\"pull\"}");
        return agencies;
    }

    static List<String> all() {
        return Stream.concat(Stream.of(LEAD), PARTNERS.stream()).toList();
    }

    SigningIdentity key(String code) {
        SigningIdentity key = keys.get(code);
        if (key == null) {
            throw new IllegalArgumentException("the demo has no agency " + code + "; it has " + keys.keySet());
        }
        return key;
    }

    private static void generate(Path privateKey, Path publicKey) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(privateKey.getParent());
            Files.deleteIfExists(privateKey);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            write(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a demo key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo key " + privateKey + ": " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
