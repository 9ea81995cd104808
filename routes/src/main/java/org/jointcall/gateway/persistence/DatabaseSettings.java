package org.jointcall.gateway.persistence;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database settings of one gateway instance, read once from MicroProfile Config (system
 * properties, then environment variables such as {@code GATEWAY_DB_URL}).
 *
 * <p>They live together so that an operator finds every database knob in one place, and so that
 * the choice "external PostgreSQL or embedded one" is made in exactly one method:
 * {@link #embedded()}.
 */
@ApplicationScoped
public class DatabaseSettings {

    private Optional<String> url;
    private String user;
    private Optional<String> password;
    private String embeddedDirectory;
    private int embeddedPort;
    private int poolSize;

    /** For the CDI proxy only. */
    protected DatabaseSettings() {
    }

    @Inject
    public DatabaseSettings(
            @ConfigProperty(name = "gateway.db.url") Optional<String> url,
            @ConfigProperty(name = "gateway.db.user", defaultValue = "postgres") String user,
            @ConfigProperty(name = "gateway.db.password") Optional<String> password,
            @ConfigProperty(name = "gateway.db.embedded.dir", defaultValue = "data/postgres") String embeddedDirectory,
            @ConfigProperty(name = "gateway.db.embedded.port", defaultValue = "0") int embeddedPort,
            @ConfigProperty(name = "gateway.db.pool.size", defaultValue = "20") int poolSize) {
        this.url = url.map(String::trim).filter(value -> !value.isEmpty());
        this.user = user;
        this.password = password;
        this.embeddedDirectory = embeddedDirectory;
        this.embeddedPort = requireInRange("gateway.db.embedded.port", embeddedPort, 0, 65535);
        this.poolSize = requireInRange("gateway.db.pool.size", poolSize, 1, 500);
    }

    /** True when no external database URL is configured, so the gateway runs its own PostgreSQL. */
    public boolean embedded() {
        return url.isEmpty();
    }

    /** The configured JDBC URL of an external PostgreSQL; empty in embedded mode. */
    public Optional<String> url() {
        return url;
    }

    public String user() {
        return user;
    }

    public Optional<String> password() {
        return password;
    }

    /** Data directory of the embedded PostgreSQL, resolved against the working directory. */
    public Path embeddedDirectory() {
        return Path.of(embeddedDirectory).toAbsolutePath().normalize();
    }

    /** Port of the embedded PostgreSQL; 0 picks a free one at every start. */
    public int embeddedPort() {
        return embeddedPort;
    }

    public int poolSize() {
        return poolSize;
    }

    private static int requireInRange(String property, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    property + " is " + value + ": it should be between " + min + " and " + max);
        }
        return value;
    }
}
