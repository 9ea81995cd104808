package org.jointcall.gateway.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Docker Compose command line, when this machine has one. `compose config` only parses and
 * interpolates, so it validates the file against compose's own schema without a Docker engine. Both
 * the v2 plugin (`docker compose`) and the standalone `docker-compose` are accepted.
 */
final class ComposeCli {

    /** What the CLI printed and how it ended. */
    record Result(int exitCode, String output) {
    }

    private final List<String> command;

    private ComposeCli(List<String> command) {
        this.command = List.copyOf(command);
    }

    static Optional<ComposeCli> find() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                if (run(version, Path.of(".")).exitCode() == 0) {
                    return Optional.of(new ComposeCli(candidate));
                }
            } catch (IOException notInstalled) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** `compose --env-file ENV -f compose.yaml config -q`, run in the compose file's directory. */
    Result config(Path composeFile, Path envFile) throws IOException {
        List<String> config = new ArrayList<>(command);
        config.addAll(List.of("--env-file", envFile.toAbsolutePath().toString(),
                "-f", composeFile.toAbsolutePath().toString(), "config", "-q"));
        return run(config, composeFile.toAbsolutePath().getParent());
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }

    private static Result run(List<String> command, Path directory) throws IOException {
        // Output goes to a file, not a pipe: a chatty CLI can never block on a full pipe buffer.
        Path output = Files.createTempFile("compose-cli", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
