package org.jointcall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time used so far by the processes sharing the machine in a benchmark, from {@code /proc/<pid>/stat}: the
 * gateway's JVM, the embedded PostgreSQL (its postmaster, the backends still running and those that have ended),
 * and this JVM (the load generator and the partner simulators). Differences of two samples over a step, divided by
 * the messages of the step, say where a message's CPU goes.
 */
public final class ProcessCpu {

    /** Linux reports process times in clock ticks of USER_HZ, 100 per second on every common architecture. */
    private static final long MILLIS_PER_TICK = 10;

    private ProcessCpu() {
    }

    /**
     * CPU milliseconds so far, per party.
     *
     * @param gatewayCompilerMillis the part of {@code gatewayMillis} its JIT compiler threads used
     */
    public record Sample(long gatewayMillis, long gatewayCompilerMillis, long postgresMillis, long loadMillis) {

        public Sample minus(Sample earlier) {
            return new Sample(gatewayMillis - earlier.gatewayMillis, gatewayCompilerMillis - earlier.gatewayCompilerMillis,
                    postgresMillis - earlier.postgresMillis, loadMillis - earlier.loadMillis);
        }

        /** "gateway (JIT x) / PostgreSQL / load and partners" CPU milliseconds per message, over {@code messages}. */
        public String perMessage(int messages) {
            double count = Math.max(1, messages);
            return String.format(Locale.ROOT, "%.1f (JIT %.1f) / %.1f / %.1f", gatewayMillis / count, gatewayCompilerMillis / count,
                    postgresMillis / count, loadMillis / count);
        }
    }

    /** @param postgresPort the port of the gateway's PostgreSQL, which tells its postmaster from any other (0: none) */
    public static Sample sample(long gatewayPid, int postgresPort) {
        return new Sample(millis(gatewayPid, false), compilerMillis(gatewayPid), postgresMillis(postgresPort),
                millis(ProcessHandle.current().pid(), false));
    }

    /** The postmaster listening on {@code port} with its ended children, plus its running children; 0 without one. */
    private static long postgresMillis(int port) {
        Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().arguments().map(arguments -> String.join(" ", arguments).contains("-p " + port + " "))
                        .orElse(false))
                .findFirst();
        if (postmaster.isEmpty()) {
            return 0;
        }
        return millis(postmaster.get().pid(), true)
                + postmaster.get().children().mapToLong(backend -> millis(backend.pid(), false)).sum();
    }

    /**
     * CPU milliseconds so far of the JVM {@code pid}'s JIT compiler threads ({@code C1 CompilerThre…},
     * {@code C2 CompilerThre…}): the bench waits for them to fall quiet before it measures.
     */
    public static long compilerMillis(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (var threads = Files.list(tasks)) {
            return threads.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).contains("CompilerThre");
                } catch (IOException e) {
                    return false; // the thread ended
                }
            }).mapToLong(task -> statMillis(task.resolve("stat"), false)).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Waits until the JIT compilers of JVM {@code pid} used at most 1 % of a core over 2 s, at most {@code patience};
     * returns how long that took. Under load on two cores the one C2 compiler thread gets a small share, and hundreds of
     * hot methods wait for it as profiling C1 code; without load its queue empties within about 20 s.
     */
    public static Duration awaitQuietCompilers(long pid, Duration patience) {
        long started = System.nanoTime();
        long compiled = compilerMillis(pid);
        while (System.nanoTime() - started < patience.toNanos()) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the JIT", e);
            }
            long now = compilerMillis(pid);
            if (now - compiled <= 20) {
                break;
            }
            compiled = now;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** utime + stime (+ cutime + cstime: children already waited for), or 0 if the process is gone. */
    private static long millis(long pid, boolean withEndedChildren) {
        return statMillis(Path.of("/proc", Long.toString(pid), "stat"), withEndedChildren);
    }

    private static long statMillis(Path statFile, boolean withEndedChildren) {
        try {
            String stat = Files.readString(statFile);
            // Fields after the command name, which is in parentheses and may itself contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withEndedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
