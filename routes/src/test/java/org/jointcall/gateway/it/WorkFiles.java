package org.jointcall.gateway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deleting what a launched process left on disk: a Payara root alone is ~270 MB, so every harness that starts
 * one (the ITs' gateways, the bench's empty Payara) removes it once the process has ended.
 */
public final class WorkFiles {

    private WorkFiles() {
    }

    /** Deletes {@code directory} and everything under it; nothing to do if it does not exist. */
    public static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
