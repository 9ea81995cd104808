package org.jointcall.gateway.agency;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.signature.keys.Pkcs12SigningKeys;
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
 */
@ApplicationScoped
public class GatewayIdentity {

    /** The entry name of a generated keystore. */
    static final String GENERATED_ALIAS = "gateway";
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

    private SigningIdentity identity;

    @PostConstruct
    void load() {
        identity = load(keystore.map(String::trim).filter(path -> !path.isEmpty()).map(Path::of), password, alias, keyId,
                Path.of(generatedDirectory));
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
}
