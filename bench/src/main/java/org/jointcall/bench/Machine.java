package org.jointcall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the figures were measured on: cores, memory, CPU model, operating system and Java. Figures from
 * another machine are not comparable, so every report starts with this line.
 */
public record Machine(int cores, long memoryMiB, String cpuModel, String system, String java) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMiB(), modelOfCpu(),
                osRelease().orElse(System.getProperty("os.name")) + " (" + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    public String describe() {
        return cores + " cores, " + Math.round(memoryMiB / 1024.0) + " GiB RAM, " + cpuModel + ", " + system + ", " + java;
    }

    private static long totalMemoryMiB() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal:")
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
    }

    private static String modelOfCpu() {
        return procLine(Path.of("/proc/cpuinfo"), "model name")
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
    }

    private static Optional<String> osRelease() {
        return procLine(Path.of("/etc/os-release"), "PRETTY_NAME=").map(line -> line.substring(line.indexOf('=') + 1).replace("\"", ""));
    }

    /** The first line of {@code file} starting with {@code prefix}, if the file exists (Linux). */
    private static Optional<String> procLine(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
