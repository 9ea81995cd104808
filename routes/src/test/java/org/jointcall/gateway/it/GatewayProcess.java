package org.jointcall.gateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real gateway: the Payara Micro bundle that {@code mvn package} built, launched as its own
 * JVM as an operator launches it ({@code java -Xmx512m -jar …}), on a free port and
 * without Hazelcast clustering, so several can run side by side on one machine. Only the JIT and the
 * collector differ from the operator's JVM, and only for tests: see {@link #TEST_JVM}.
 *
 * <p>{@link #start()} returns once {@code /health/ready} answers UP with the database check in
 * it and Payara Micro has logged the end of its boot, or fails with the end of the gateway's log.
 * A test can then stop it gracefully ({@link #stop()}, SIGTERM, as Ctrl-C or an orchestrator would) or kill it outright
 * ({@link #kill()}, SIGKILL, for crash tests), and {@link #restart()} it on the same settings.
 * Each run logs to {@code target/it-logs/<name>-<n>.log} and works in {@code target/it-logs/<name>},
 * shared by the runs and instances of one name only (a gateway without keystore generates its key under
 * its working directory, and test classes run two at a time: see the failsafe configuration);
 * Payara's runtime and temporary files go there too instead of /tmp, so a killed instance leaves
 * nothing behind outside {@code target}. They are deleted once the process has ended: each run
 * unpacks ~270 MB of runtime and WAR (more after a kill), and a suite's worth filled a CI disk.
 * The log, which holds everything Payara prints, stays.
 */
public final class GatewayProcess implements AutoCloseable {

    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    /**
     * The JVM options of a gateway that lives for one test class: the client compiler only and the serial collector.
     * A gateway's boot is mostly JIT compilation; on two cores these halve the CPU a start costs (about 65 to 30
     * CPU-seconds, 35 to 24 s to ready) and the suite starts some forty gateways. Tests check behaviour, which the
     * JIT does not change; benchmarks measure the operator's JVM ({@link Builder#asOperatorRuns()}).
     */
    static final List<String> TEST_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Map<String, String> environment;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final int port;
    private final Path log;
    private final Path workingDirectory;
    private final Path payaraRoot;
    private final Path temporaryFiles;
    private final Process process;
    private final long launchedAt = System.nanoTime();
    private Duration startup;

    private GatewayProcess(String name, Map<String, String> environment, Map<String, String> properties, List<String> jvmOptions) {
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.properties = Map.copyOf(properties);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = freePort();
        int run = RUNS.incrementAndGet();
        Path logs = Path.of(requiredProperty("gateway.it-logs"));
        this.log = logs.resolve(name + "-" + run + ".log");
        this.workingDirectory = logs.resolve(name);
        this.payaraRoot = logs.resolve(name + "-" + run + "-payara");
        this.temporaryFiles = logs.resolve(name + "-" + run + "-tmp");
        this.process = launch();
    }

    /** A gateway named {@code name} (log file prefix) with no configuration yet. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Launches the gateway and waits until it is ready. */
    private GatewayProcess awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                removeWorkFiles();
                throw new IllegalStateException("Gateway " + name + " exited with " + process.exitValue()
                        + " before it was ready.\n" + logTail());
            }
            try {
                HttpResponse<String> ready = get("/health/ready");
                // Payara Micro may deploy the WAR a second time late in its boot (the first copy answers health
                // already, then goes away): only the end of boot means the application stays in service.
                if (ready.statusCode() == 200 && ready.body().contains("\"database\"") && bootFinished()) {
                    startup = Duration.ofNanos(System.nanoTime() - launchedAt);
                    return this;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep waiting
            }
            sleep(Duration.ofMillis(250));
        }
        kill();
        throw new IllegalStateException("Gateway " + name + " was not ready within " + STARTUP_TIMEOUT.toSeconds()
                + " s.\n" + logTail());
    }

    /** Whether Payara Micro logged "Payara Micro … ready in … (ms)", the last line of its boot. */
    private boolean bootFinished() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1).contains(" ready in ");
        } catch (IOException e) {
            return false;
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public int port() {
        return port;
    }

    /** From launching the JVM to ready, as {@link #start()} saw it (polling every 250 ms); null before it was ready. */
    public Duration startup() {
        return startup;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public HttpResponse<String> get(String path) {
        return get(path, Duration.ofSeconds(15));
    }

    /** A GET that may take up to {@code timeout}, for answers built on first request (e.g. the OpenAPI document). */
    public HttpResponse<String> get(String path, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(timeout).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri(path) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + uri(path), e);
        }
    }

    /** Stops the gateway as Ctrl-C or an orchestrator does (SIGTERM) and returns its exit code. */
    public int stop() {
        process.destroy();
        return awaitExit();
    }

    /** Waits for the gateway to end by itself and returns its exit code; fails if it is still running. */
    public int awaitExitWithin(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Gateway " + name + " still runs after " + timeout.toSeconds() + " s.\n"
                        + logTail());
            }
            removeWorkFiles();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for gateway " + name + " to exit", e);
        }
    }

    /** Kills the gateway without warning (SIGKILL), as a crash or {@code kill -9} would. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** A new gateway process with the same name and settings, ready; this one must be stopped first. */
    public GatewayProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("Gateway " + name + " (pid " + pid() + ") is still running");
        }
        return new GatewayProcess(name, environment, properties, jvmOptions).awaitReady();
    }

    /** Stops the gateway if it still runs, so a failing test does not leave it behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    /** The last lines of this run's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Gateway " + name + " did not stop within "
                        + STOP_TIMEOUT.toSeconds() + " s.\n" + logTail());
            }
            removeWorkFiles();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping gateway " + name, e);
        }
    }

    /** Deletes this run's Payara root and temporary directory; call only once the process has ended. */
    private void removeWorkFiles() {
        try {
            WorkFiles.deleteTree(payaraRoot);
            WorkFiles.deleteTree(temporaryFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the work files of gateway " + name, e);
        }
    }

    private Process launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(jvmOptions);
        // Payara copies the WAR to the temporary directory and deletes it only on a clean exit.
        command.add("-Djava.io.tmpdir=" + temporaryFiles);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", requiredProperty("gateway.bundle"),
                "--port", Integer.toString(port), "--nocluster", "--rootdir", payaraRoot.toString()));
        try {
            // A root left by an earlier run of the same test would have Payara serve the WAR it unpacked then, not this build's.
            WorkFiles.deleteTree(payaraRoot);
            Files.createDirectories(temporaryFiles);
            Files.createDirectories(workingDirectory);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("GATEWAY_"));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch gateway " + name + ": " + command, e);
        }
    }

    private static String requiredProperty(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("System property " + key + " is not set; run the ITs through"
                    + " maven-failsafe (mvn verify), which sets it");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the gateway", e);
        }
    }

    /** Settings of a gateway to launch. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private List<String> jvmOptions = TEST_JVM;

        private Builder(String name) {
            this.name = name;
        }

        /** Points the gateway at {@code database} through the environment, as the README tells operators to. */
        public Builder database(TestDatabase.Database database) {
            environment.put("GATEWAY_DB_URL", database.url());
            environment.put("GATEWAY_DB_USER", database.user());
            return this;
        }

        /** The configuration directory ({@code agencies/}, {@code calls/}) the gateway reads, as {@code GATEWAY_CONFIG_DIR}. */
        public Builder configDirectory(Path directory) {
            environment.put("GATEWAY_CONFIG_DIR", directory.toAbsolutePath().toString());
            return this;
        }

        /** The PKCS#12 keystore the gateway signs with; the password goes through the environment, as in production. */
        public Builder signingKeystore(Path keystore, String password, String keyId) {
            properties.put("gateway.signing.keystore", keystore.toAbsolutePath().toString());
            properties.put("gateway.signing.key-id", keyId);
            environment.put("GATEWAY_SIGNING_PASSWORD", password);
            return this;
        }

        /** Any MicroProfile Config property, passed as a JVM system property. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** The JVM exactly as the README launches it, without {@link #TEST_JVM}: for benchmarks. */
        public Builder asOperatorRuns() {
            jvmOptions = List.of();
            return this;
        }

        /** Launches the gateway and returns once it is ready. */
        public GatewayProcess start() {
            return new GatewayProcess(name, environment, properties, jvmOptions).awaitReady();
        }

        /** Launches the gateway without waiting for it, for tests of gateways that must not come up. */
        public GatewayProcess launch() {
            return new GatewayProcess(name, environment, properties, jvmOptions);
        }
    }
}
