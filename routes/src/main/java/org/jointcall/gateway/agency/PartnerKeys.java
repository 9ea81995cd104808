package org.jointcall.gateway.agency;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.signature.keys.FileKeyRegistry;
import org.jointcall.signature.keys.KeyFileException;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.RegisteredKey;

/**
 * The partners' public keys as one {@link KeyRegistry} bean: the signature module's
 * {@link FileKeyRegistry} over the {@code agencies/<CODE>/keys/} folder of every agency the
 * {@link AgencyDirectory} knows at the time of each check, re-checked at most every
 * {@code gateway.keys.recheck-seconds} (default 10) so a rotated key — or an agency added at runtime —
 * is in service within seconds. Registry agency names are the lower-case codes ({@link Agency#keyOwner()}).
 */
@ApplicationScoped
public class PartnerKeys {

    @Inject
    ConfigDirectory config;

    @Inject
    AgencyDirectory agencies;

    @Inject
    @ConfigProperty(name = "gateway.keys.recheck-seconds", defaultValue = "10")
    long recheckSeconds;

    private FileKeyRegistry registry;

    @Produces
    @ApplicationScoped
    public KeyRegistry registry() {
        return files();
    }

    /** Checks the key files now (after a key was written through the admin API) instead of at the next recheck. */
    public boolean reloadNow() {
        return files().reloadIfChanged();
    }

    /**
     * The keys {@code content} would register for {@code agency} as its key file {@code fileName}, checked
     * like a reload checks it, and against every key in service: a key id another file already uses, or another agency's
     * public key, is refused.
     *
     * @throws KeyFileException saying what is wrong
     */
    public List<RegisteredKey> check(Agency agency, String fileName, byte[] content) {
        String source = agency.code().code() + "/keys/" + fileName;
        List<RegisteredKey> keys = FileKeyRegistry.readKeyFile(agency.keyOwner(), fileName, content, source);
        String replaced = agency.keyOwner() + "/" + fileName;
        for (RegisteredKey key : keys) {
            // A JWKS key's source is "<file> keys[<i>]": keys of the file being replaced are not in the way.
            files().find(key.keyId()).filter(existing -> !existing.source().equals(replaced) && !existing.source().startsWith(replaced + " "))
                    .ifPresent(existing -> {
                        throw new KeyFileException(source + ": key id " + key.keyId() + " is already registered by "
                                + existing.source() + "; key ids must be unique across all agencies");
                    });
            // One key pair speaking for two agencies would let either sign as the other.
            files().keys().stream().filter(existing -> !existing.agency().equals(agency.keyOwner()) && existing.key().equals(key.key()))
                    .findFirst().ifPresent(existing -> {
                        throw new KeyFileException(source + ": key " + key.keyId() + " is the public key " + existing.keyId()
                                + " of another agency (" + existing.source() + "); each agency signs with keys of its own");
                    });
        }
        return keys;
    }

    private synchronized FileKeyRegistry files() {
        if (registry == null) {
            registry = open(config, agencies, Duration.ofSeconds(recheckSeconds), Clock.systemUTC());
        }
        return registry;
    }

    /** The registry over {@code config}'s agency key folders, for every agency {@code agencies} knows at each check. */
    public static FileKeyRegistry open(ConfigDirectory config, AgencyDirectory agencies, Duration recheck, Clock clock) {
        return FileKeyRegistry.open(() -> folders(config, agencies.all()), config.agencies().toString(), clock, recheck);
    }

    private static Map<String, Path> folders(ConfigDirectory config, List<Agency> agencies) {
        Map<String, Path> folders = new LinkedHashMap<>();
        agencies.forEach(agency -> folders.put(agency.keyOwner(), config.agencies().resolve(agency.code().code()).resolve(KEYS)));
        return folders;
    }

    /** The folder name of an agency's keys inside its configuration directory. */
    public static final String KEYS = "keys";
}
