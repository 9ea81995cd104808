package org.jointcall.bench;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jointcall.gateway.it.WorkFiles;

/**
 * The baseline: {@code bench/empty-war}'s bundle (a WAR with nothing in it on the same Payara Micro), launched
 * as the ITs' {@code GatewayProcess} launches the gateway (same java, same {@code -Xmx512m}, same options), and
 * ready once Payara logged the end of its boot and the WAR answers.
 */
public final class EmptyPayara implements AutoCloseable {

    private static final Pattern PAYARA_READY = Pattern.compile(" ready in ([0-9,.]+) \\(ms\\)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final Path work;
    private final Duration startup;

    private EmptyPayara(Path bundle, Path work) throws IOException, InterruptedException {
        int port = freePort();
        this.work = work;
        Files.createDirectories(work.resolve("tmp"));
        log = work.resolve("empty-payara.log");
        long launched = System.nanoTime();
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=" + work.resolve("tmp"), "-jar", bundle.toAbsolutePath().toString(),
                "--port", Integer.toString(port), "--nocluster", "--rootdir", work.resolve("payara").toString()))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = launched + TimeUnit.MINUTES.toNanos(3);
        while (!(payaraReportedMillis() >= 0 && answers(port))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the empty Payara Micro did not start; see " + log);
            }
            Thread.sleep(250);
        }
        startup = Duration.ofNanos(System.nanoTime() - launched);
    }

    /** Launches {@code bundle} working in {@code work} and returns once it is ready. */
    public static EmptyPayara start(Path bundle, Path work) {
        try {
            return new EmptyPayara(bundle, work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the empty Payara Micro " + bundle, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the empty Payara Micro started", e);
        }
    }

    /** From launching the JVM to ready, polled every 250 ms as the ITs poll the gateway. */
    public Duration startup() {
        return startup;
    }

    public long pid() {
        return process.pid();
    }

    /** The boot time Payara Micro logged itself ("ready in … (ms)"); -1 before it did. */
    public long payaraReportedMillis() {
        return payaraReportedMillis(log);
    }

    /** The boot time Payara Micro logged in {@code log}; -1 if it has not. */
    public static long payaraReportedMillis(Path log) {
        try {
            Matcher ready = PAYARA_READY.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            return ready.find() ? Long.parseLong(ready.group(1).replaceAll("[,.]", "")) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean answers(int port) {
        try {
            HttpResponse<String> index = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return index.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the process and deletes its Payara root and temporary files (~100 MB); its log stays. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            }
            WorkFiles.deleteTree(work.resolve("payara"));
            WorkFiles.deleteTree(work.resolve("tmp"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the empty Payara Micro's work files in " + work, e);
        }
    }
}
