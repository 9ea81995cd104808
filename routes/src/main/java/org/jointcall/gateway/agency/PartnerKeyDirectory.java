package org.jointcall.gateway.agency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Presents {@code agencies/<CODE>/keys/} in the layout the signature module's
 * {@code FileKeyRegistry} reads ({@code <dir>/<code>/key files}) without copying a byte: a private
 * directory of symbolic links named after each agency's lower-case code. Because the links point at
 * the configured folders, a key dropped into {@code agencies/NSF/keys/} is picked up by the
 * registry's hot reload like any other change.
 */
final class PartnerKeyDirectory {

    static final String KEYS = "keys";

    private PartnerKeyDirectory() {
    }

    /** A new directory under {@code parent} linking each agency that has a {@code keys/} folder. */
    static Path link(Path agenciesDirectory, Collection<Agency> agencies, Path parent) {
        try {
            Files.createDirectories(parent);
            Path view = Files.createTempDirectory(parent, "partner-keys-");
            view.toFile().deleteOnExit();
            for (Agency agency : agencies) {
                Path keys = agenciesDirectory.resolve(agency.code().code()).resolve(KEYS).toAbsolutePath();
                if (Files.isDirectory(keys)) {
                    Path link = Files.createSymbolicLink(view.resolve(agency.keyOwner()), keys);
                    link.toFile().deleteOnExit();
                }
            }
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link the partner key folders under " + parent + ": " + e.getMessage(), e);
        }
    }
}
