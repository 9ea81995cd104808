package org.jointcall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of another JVM on this machine: its resident set from {@code /proc/<pid>/status} (what the
 * operating system gives it, cheap to read), and its Java heap in use from {@code jcmd GC.heap_info}
 * (itself a short JVM, so read only now and then).
 */
public final class ProcessMemory {

    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private ProcessMemory() {
    }

    /** Resident set size in MiB; -1 if the process is gone or this is not Linux. */
    public static long residentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Java heap in use in MiB; -1 if jcmd could not tell. */
    public static long heapUsedMiB(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            Matcher heap = HEAP_USED.matcher(output);
            return heap.find() ? Long.parseLong(heap.group(2)) / 1024 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
