package org.jointcall.gateway.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What the demo has done in {@code gateway.demo.dir}, kept between runs: when it first started (the
 * calls' deadlines count from then) and whether the scenario was played to the end
 * ({@code scenario-played}, holding the time). Deleting the directory starts the demo afresh.
 */
final class DemoProgress {

    private final Path directory;

    DemoProgress(Path directory) {
        this.directory = directory;
    }

    /** The first start of the demo in this directory, recorded now if this is it. */
    Instant firstStart() {
        Path file = directory.resolve("first-start");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(directory);
                Files.writeString(file, Instant.now().toString(), StandardCharsets.US_ASCII);
            }
            return Instant.parse(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the demo's first start in " + file + ": " + e.getMessage(), e);
        }
    }

    /** When the scenario was played to the end, if it was. */
    Optional<Instant> playedAt() {
        try {
            return Files.exists(marker()) ? Optional.of(Instant.parse(Files.readString(marker(), StandardCharsets.US_ASCII).trim()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void played() {
        try {
            Files.writeString(marker(), Instant.now().toString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the end of the demo scenario in " + marker() + ": " + e.getMessage(), e);
        }
    }

    Path marker() {
        return directory.resolve("scenario-played");
    }
}
