package org.jointcall.gateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.jointcall.gateway.agency.GatewayIdentity;
import org.jointcall.gateway.agency.GeneratedKeystore;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.keys.JwksWriter;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.Pkcs12SigningKeys;
import org.jointcall.signature.keys.RegisteredKey;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.keys.Validity;

/**
 * A gateway configuration directory written for one test run: {@code agencies/<CODE>/agency.json}
 * (pull mode, so no delivery leaves the machine) and {@code agencies/<CODE>/keys/<code>.jwks} with a
 * freshly generated ecdsa-p256 key per agency, plus for NSF a second key whose validity ended
 * yesterday. The private halves stay here, for {@link PartnerClient} to sign with; the gateway's own
 * keystore is generated next to the directory. Nothing secret is ever checked in.
 */
public final class TestAgencies {

    public static final List<String> CODES = List.of("NSF", "UKRI", "DFG", "NWO", "JST");
    /** Owner name under which tests register the gateway's public key to verify its receipts. */
    public static final String GATEWAY_KEY_OWNER = GatewayIdentity.OWNER;
    public static final String GATEWAY_KEY_ID = "jointcall-gateway-test";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path configDirectory;
    private final Map<String, SigningIdentity> keys = new LinkedHashMap<>();
    private final Map<String, SigningIdentity> expiredKeys = new LinkedHashMap<>();
    private final GeneratedKeystore gatewayKeystore;
    private final SigningIdentity gateway;

    private TestAgencies(Path root) {
        this.configDirectory = root.resolve("config");
        this.gatewayKeystore = GeneratedKeystore.in(root.resolve("gateway-keys"), "gateway");
        this.gateway = Pkcs12SigningKeys.load(gatewayKeystore.keystore(), gatewayKeystore.password(), "gateway", GATEWAY_KEY_ID);
        for (String code : CODES) {
            String owner = code.toLowerCase(Locale.ROOT);
            Path agency = configDirectory.resolve("agencies").resolve(code);
            write(agency.resolve("agency.json"), "{\"agency\":\"" + code + "\",\"mode\":\"pull\",\"receiptRequired\":false}");
            SigningIdentity current = newKey(owner + "-" + Long.toHexString(RANDOM.nextLong()));
            keys.put(code, current);
            List<SigningIdentity> published = new ArrayList<>(List.of(current));
            if ("NSF".equals(code)) {
                SigningIdentity expired = newKey(owner + "-expired-" + Long.toHexString(RANDOM.nextLong()));
                expiredKeys.put(code, expired);
                Instant expiredAt = Instant.now().minusSeconds(86_400);
                // Registered as valid for 30 days until yesterday; the test signs with it regardless.
                published.add(SigningIdentity.of(expired.keyId(), expired.key(),
                        Validity.between(expiredAt.minus(Duration.ofDays(30)), expiredAt), "expired test key"));
            }
            write(agency.resolve("keys").resolve(owner + ".jwks"), JwksWriter.write(published));
        }
    }

    /** Writes a configuration with new keys under {@code root} (e.g. a JUnit temp directory). */
    public static TestAgencies writeTo(Path root) {
        return new TestAgencies(root);
    }

    /** A gateway on {@code database} with this configuration directory and signing keystore. */
    public GatewayProcess.Builder gateway(String name, TestDatabase.Database database) {
        return GatewayProcess.named(name).database(database).configDirectory(configDirectory)
                .signingKeystore(gatewayKeystore.keystore(), gatewayKeystorePassword(), GATEWAY_KEY_ID);
    }

    /** The directory to pass as {@code gateway.config.dir}. */
    public Path configDirectory() {
        return configDirectory;
    }

    /** The current signing key of {@code code}. */
    public SigningIdentity key(String code) {
        return keys.get(code);
    }

    /** NSF's registered key whose validity ended a day ago. */
    public SigningIdentity expiredKey(String code) {
        return expiredKeys.get(code);
    }

    /** A key nobody registered, for {@code keyid}: same id as {@code code}'s key, other private key. */
    public SigningIdentity impostorOf(String code) {
        return SigningIdentity.of(keys.get(code).keyId(), newKey("impostor").key());
    }

    public Path gatewayKeystore() {
        return gatewayKeystore.keystore();
    }

    public String gatewayKeystorePassword() {
        return new String(gatewayKeystore.password());
    }

    /** The key in the gateway's keystore, for tests that sign as the gateway without starting one. */
    public SigningIdentity gatewayKey() {
        return gateway;
    }

    /** The gateway's public key as a registry, to verify its receipts as a partner would. */
    public KeyRegistry gatewayKeyRegistry() {
        return KeyRegistry.of(List.of(RegisteredKey.builder(GATEWAY_KEY_OWNER, GATEWAY_KEY_ID, gateway.key().verificationKey()).build()));
    }

    /** {@code code}'s current public key as a registry (owner: the code in lower case), to verify what the agency signed. */
    public KeyRegistry keyRegistry(String code) {
        return KeyRegistry.of(List.of(RegisteredKey.builder(code.toLowerCase(Locale.ROOT), key(code).keyId(),
                key(code).key().verificationKey()).build()));
    }

    /** A fresh ecdsa-p256 identity. */
    public static SigningIdentity newKey(String keyId) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1), RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return SigningIdentity.of(keyId, SigningKey.of(SignatureAlgorithm.ECDSA_P256_SHA256, pair.getPrivate()));
    }

    /** A JWKS holding the public half of {@code identity}, as an agency publishes it. */
    public static String jwks(SigningIdentity identity) {
        return JwksWriter.write(List.of(identity));
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test configuration " + file + ": " + e.getMessage(), e);
        }
    }
}
