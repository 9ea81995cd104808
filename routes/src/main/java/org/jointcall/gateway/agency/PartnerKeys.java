package org.jointcall.gateway.agency;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.signature.keys.FileKeyRegistry;
import org.jointcall.signature.keys.KeyRegistry;

/**
 * The partners' public keys as one {@link KeyRegistry} bean: the signature module's
 * {@link FileKeyRegistry} over every {@code agencies/<CODE>/keys/} folder, re-checked at most every
 * {@code gateway.keys.recheck-seconds} (default 10) so a rotated key is in service within seconds.
 * Registry agency names are the lower-case codes ({@link Agency#keyOwner()}).
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

    @Produces
    @ApplicationScoped
    public KeyRegistry registry() {
        return open(config, agencies, Duration.ofSeconds(recheckSeconds), Clock.systemUTC());
    }

    /** The registry over {@code config}'s agency key folders. */
    public static FileKeyRegistry open(ConfigDirectory config, AgencyDirectory agencies, Duration recheck, Clock clock) {
        Path view = PartnerKeyDirectory.link(config.agencies(), agencies.all(), Path.of(System.getProperty("java.io.tmpdir")));
        return FileKeyRegistry.open(view, clock, recheck);
    }
}
