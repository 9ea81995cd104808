package org.jointcall.gateway.demo;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code gateway.demo} (default false) turns the demo mode on; {@code gateway.demo.dir} (default
 * {@code data/demo}) is where it keeps the partners' keys, the configuration it writes for the gateway
 * and the record of what it has played, so a restart continues rather than starts over.
 */
@ApplicationScoped
public class DemoSettings {

    public static final String ENABLED = "gateway.demo";
    public static final String DIRECTORY = "gateway.demo.dir";
    static final String DEFAULT_DIRECTORY = "data/demo";

    private boolean enabled;
    private Path directory;

    /** For the CDI proxy only. */
    protected DemoSettings() {
    }

    @Inject
    public DemoSettings(@ConfigProperty(name = ENABLED, defaultValue = "false") boolean enabled,
            @ConfigProperty(name = DIRECTORY, defaultValue = DEFAULT_DIRECTORY) String directory) {
        this.enabled = enabled;
        this.directory = directory(directory);
    }

    static Path directory(String configured) {
        return Path.of(configured == null || configured.isBlank() ? DEFAULT_DIRECTORY : configured).toAbsolutePath().normalize();
    }

    /** The gateway configuration directory the demo writes and {@link DemoConfigSource} points the gateway at. */
    static Path configDirectory(Path demoDirectory) {
        return demoDirectory.resolve("config");
    }

    public boolean enabled() {
        return enabled;
    }

    public Path directory() {
        return directory;
    }

    /** The partners' private keys: the demo signs their messages; never in the gateway's configuration. */
    Path keys() {
        return directory.resolve("keys");
    }

    Path config() {
        return configDirectory(directory);
    }
}
