package org.jointcall.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The benchmark report in Markdown: printed as it grows (a run takes minutes) and written to a file at the end. */
public final class Report {

    private final StringBuilder text = new StringBuilder();

    public Report line(String line) {
        text.append(line).append('\n');
        System.out.println(line);
        System.out.flush();
        return this;
    }

    public Report section(String title) {
        return line("").line("## " + title).line("");
    }

    public Report table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + " --- |".repeat(header.size()));
        rows.forEach(row -> line("| " + String.join(" | ", row) + " |"));
        return this;
    }

    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }

    /** Progress that is not part of the report. */
    public static void progress(String what) {
        System.err.println("[bench] " + what);
    }
}
