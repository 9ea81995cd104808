package org.jointcall.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.util.LinuxUtils;

import org.jointcall.gateway.it.WorkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path workingDirectory;

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
        Path data = workingDirectory.resolve("postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, 0)) {
            execute(first, "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('survives a restart')");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(queryOne(second, "SELECT note FROM kept")).isEqualTo("survives a restart");
        }
    }

    @Test
    void serverLogGoesNextToTheDataDirectory() {
        Path data = workingDirectory.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(workingDirectory.resolve("postgres.log")).isNotEmptyFile();
        }
    }

    @Test
    void aDirectoryInUseByARunningGatewayIsRefusedWithAWayOut() {
        Path data = workingDirectory.resolve("postgres");
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(data, 0)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(data.toString())
                    .hasMessageContaining("in use by another running gateway")
                    .hasMessageContaining("gateway.db.embedded.dir");
        }
    }

    @Test
    void aServerOrphanedByAKilledGatewayIsStoppedAndTheDirectoryReused() throws Exception {
        Path data = workingDirectory.resolve("postgres");
        Path pgCtl = createCluster(data).resolveSibling("pg_ctl");
        long orphanPid = startOrphan(pgCtl, data);

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).as("the orphaned postmaster").isEmpty();
            assertThat(queryOne(restarted, "SELECT note FROM kept")).isEqualTo("before the crash");
        } finally {
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The orphan's binaries were deleted while it ran, as a cleaner of the temporary directory might. */
    @Test
    void anOrphanWhoseBinariesWereDeletedIsStoppedAllTheSame() throws Exception {
        Path data = workingDirectory.resolve("postgres");
        Path installation = createCluster(data).getParent().getParent();
        Path copy = workingDirectory.resolve("deleted-binaries");
        copyTree(installation, copy);
        long orphanPid = startOrphan(copy.resolve("bin").resolve("pg_ctl"), data);
        WorkFiles.deleteTree(copy);
        assertThat(ProcessHandle.of(orphanPid).flatMap(process -> process.info().command()))
                .as("what Linux reports the orphan runs").hasValueSatisfying(command -> assertThat(command).endsWith(" (deleted)"));

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).as("the orphaned postmaster").isEmpty();
            assertThat(queryOne(restarted, "SELECT note FROM kept")).isEqualTo("before the crash");
        } finally {
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Creates the cluster on {@code data} with one row in it and returns the postgres binary that ran it. */
    private static Path createCluster(Path data) throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, 0)) {
            execute(first, "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('before the crash')");
            return postmasterBinary(data);
        }
    }

    /** What a kill -9 of the gateway leaves behind: a live postmaster on {@code data} that no gateway owns. */
    private static long startOrphan(Path pgCtl, Path data) throws Exception {
        List<String> start = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            start.addAll(List.of("unshare", "-U")); // PostgreSQL refuses to run as root
        }
        start.addAll(List.of(pgCtl.toString(), "-D", data.toString(), "-o", "-p " + freePort(), "-w", "start"));
        Process orphanStart = new ProcessBuilder(start).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(orphanStart.waitFor()).as("pg_ctl start of the orphan").isZero();
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path postmasterBinary(Path data) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        return Path.of(ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow());
    }

    private static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            for (String sql : List.of(statements)) {
                statement.execute(sql);
            }
        }
    }

    private static String queryOne(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = connect(server);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).as("a row from " + sql).isTrue();
            return row.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, "");
    }
}
