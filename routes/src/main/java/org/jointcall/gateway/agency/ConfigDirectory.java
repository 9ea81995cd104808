package org.jointcall.gateway.agency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's configuration directory ({@code gateway.config.dir}, env {@code GATEWAY_CONFIG_DIR},
 * default {@code config} under the working directory). Created empty when missing, so a first start
 * needs nothing prepared: the gateway then simply knows no agency yet.
 *
 * <pre>
 * config/
 *   agencies/NSF/agency.json     mode, endpoint, receipt requirement
 *   agencies/NSF/keys/           the agency's public keys (JWKS, PEM, certificates), hot-reloaded
 *   calls/*.xml                  joint call definitions
 * </pre>
 */
@ApplicationScoped
public class ConfigDirectory {

    private Path root;

    /** For the CDI proxy only. */
    protected ConfigDirectory() {
    }

    @Inject
    public ConfigDirectory(@ConfigProperty(name = "gateway.config.dir", defaultValue = "config") String directory) {
        this(Path.of(directory));
    }

    public ConfigDirectory(Path directory) {
        this.root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root.resolve("agencies"));
        } catch (IOException e) {
            throw new UncheckedIOException("gateway.config.dir " + root + " cannot be created: " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** {@code agencies/}: one directory per agency code. */
    public Path agencies() {
        return root.resolve("agencies");
    }

    /** {@code calls/}: joint call definitions (may not exist). */
    public Path calls() {
        return root.resolve("calls");
    }

    /**
     * Replaces (or creates) {@code file}, which must lie inside this directory, so that a reader sees
     * the old content or the new one and never a half-written file: the bytes go to a hidden temporary
     * file next to it (hidden files are skipped by every reader of this directory), which is then moved
     * over the target in one step.
     */
    public void writeAtomically(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException(file + " is not inside the configuration directory " + root);
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
