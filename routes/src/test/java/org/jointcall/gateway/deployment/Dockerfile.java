package org.jointcall.gateway.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read as its list of instructions, so the deployment tests can state rules about the
 * image (who it runs as, what it checks, what it bakes in) instead of searching raw text, where a
 * comment or a continuation line would make a rule pass or fail by accident.
 */
final class Dockerfile {

    /** One instruction: its keyword upper-cased and its arguments with continuation lines joined. */
    record Instruction(String keyword, String arguments) {
    }

    private final List<Instruction> instructions;

    private Dockerfile(List<Instruction> instructions) {
        this.instructions = List.copyOf(instructions);
    }

    static Dockerfile read(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder logicalLine = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && logicalLine.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                logicalLine.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logicalLine.append(trimmed);
            instructions.add(parse(logicalLine.toString().strip()));
            logicalLine.setLength(0);
        }
        if (logicalLine.length() > 0) {
            throw new IllegalArgumentException(file + ": the last instruction ends with a line continuation");
        }
        return new Dockerfile(instructions);
    }

    private static Instruction parse(String line) {
        String[] parts = line.split("\\s+", 2);
        return new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    Optional<Instruction> last(String keyword) {
        List<Instruction> matching = all(keyword);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /** Position of the last instruction with this keyword, or -1: lets a test say "USER before ENTRYPOINT". */
    int lastIndexOf(String keyword) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }
}
