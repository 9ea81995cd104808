package org.jointcall.gateway.agency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.signature.keys.FileKeyRegistry;
import org.jointcall.signature.keys.KeyFileException;
import org.jointcall.signature.keys.Pkcs12SigningKeys;
import org.jointcall.signature.keys.RegisteredKey;
import org.jointcall.signature.keys.SigningIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key this gateway signs with: {@code gateway.signing.keystore} (PKCS#12) opened with
 * {@code gateway.signing.password} (env {@code GATEWAY_SIGNING_PASSWORD}), entry
 * {@code gateway.signing.alias} (optional when the keystore holds one key), published to partners as
 * {@code gateway.signing.key-id}. Without a configured keystore a local one is generated under
 * {@code gateway.signing.generated-dir} (default {@code data/keys}) and a warning says so, because
 * no partner knows that key.
 *
 * <p>{@code gateway.signing.published-keys} names a key file (JWKS or PEM, public halves only) whose keys are
 * published beside the signing key: the next key before a rotation, so that partners have it before the first
 * signature made with it, and earlier keys after one, so that what they signed can still be checked.
 */
@ApplicationScoped
public class GatewayIdentity {

    /** The entry name of a generated keystore. */
    static final String GENERATED_ALIAS = "gateway";
    /** Who holds the published keys, for registries that hold them. */
    public static final String OWNER = "gateway";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayIdentity.class);

    @Inject
    @ConfigProperty(name = "gateway.signing.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "gateway.signing.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "gateway.signing.alias")
    Optional<String> alias;

    @Inject
    @ConfigProperty(name = "gateway.signing.key-id", defaultValue = "jointcall-gateway")
    String keyId;

    @Inject
    @ConfigProperty(name = "gateway.signing.generated-dir", defaultValue = "data/keys")
    String generatedDirectory;

    @Inject
    @ConfigProperty(name = "gateway.signing.published-keys")
    Optional<String> publishedKeys;

    private SigningIdentity identity;
    private List<RegisteredKey> published;

    @PostConstruct
    void load() {
        identity = load(keystore.map(String::trim).filter(path -> !path.isEmpty()).map(Path::of), password, alias, keyId,
                Path.of(generatedDirectory));
        published = published(identity, publishedKeys.map(String::trim).filter(path -> !path.isEmpty()).map(Path::of));
    }

    /**
     * The signing key's public half first, then those of {@code file}.
     *
     * @throws KeyFileException if the file cannot be read as a key file, or names the signing key's id for another key
     */
    static List<RegisteredKey> published(SigningIdentity identity, Optional<Path> file) {
        List<RegisteredKey> keys = new ArrayList<>(List.of(RegisteredKey.builder(OWNER, identity.keyId(),
                identity.key().verificationKey()).validity(identity.validity()).source(identity.source()).build()));
        if (file.isEmpty()) {
            return List.copyOf(keys);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file.get());
        } catch (IOException e) {
            throw new KeyFileException("gateway.signing.published-keys " + file.get() + " cannot be read: " + e.getMessage());
        }
        for (RegisteredKey other : FileKeyRegistry.readKeyFile(OWNER, file.get().getFileName().toString(), content, file.get().toString())) {
            if (other.keyId().equals(identity.keyId()) && !other.key().equals(keys.get(0).key())) {
                throw new KeyFileException(file.get() + " publishes another key under " + identity.keyId()
                        + ", the key id the gateway signs with");
            }
            if (!other.keyId().equals(identity.keyId())) {
                keys.add(other);
            }
        }
        return List.copyOf(keys);
    }

    /** The configured identity, or the generated local one when {@code keystore} is empty. */
    static SigningIdentity load(Optional<Path> keystore, Optional<String> password, Optional<String> alias, String keyId,
            Path generatedDirectory) {
        if (keystore.isPresent()) {
            char[] secret = password.map(String::toCharArray).orElseThrow(() -> new IllegalStateException(
                    "gateway.signing.keystore is " + keystore.get() + " but no password is configured:"
                            + " set GATEWAY_SIGNING_PASSWORD (or gateway.signing.password)"));
            return Pkcs12SigningKeys.load(keystore.get(), secret, alias.orElse(null), keyId);
        }
        GeneratedKeystore generated = GeneratedKeystore.in(generatedDirectory.toAbsolutePath(), GENERATED_ALIAS);
        LOG.warn("No gateway.signing.keystore configured: signing with the generated key in {} (for local use only;"
                + " partners cannot have registered it)", generated.keystore());
        return Pkcs12SigningKeys.load(generated.keystore(), generated.password(), GENERATED_ALIAS, keyId);
    }

    public SigningIdentity identity() {
        return identity;
    }

    /** The public keys the gateway publishes: the one it signs with, then any of {@code gateway.signing.published-keys}. */
    public List<RegisteredKey> publishedKeys() {
        return published;
    }
}
