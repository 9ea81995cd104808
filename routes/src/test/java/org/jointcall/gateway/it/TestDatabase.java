package org.jointcall.gateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the integration tests own: one per test JVM, started on first use and
 * stopped when the JVM exits. Each gateway under test gets a database of its own on it, so tests
 * never see each other's rows; two gateways given the same {@link Database} share it, as two
 * production instances share theirs.
 */
public final class TestDatabase {

    private static final String SUPERUSER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** A new, empty database named after the test that asks for it. */
    public static synchronized Database fresh(String purpose) {
        String name = purpose.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + DATABASES.incrementAndGet();
        EmbeddedPostgres postgres = server();
        try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl(SUPERUSER, "postgres"));
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + ": " + e.getMessage(), e);
        }
        return new Database("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, SUPERUSER);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException("The tests' PostgreSQL did not start: " + e.getMessage(), e);
            }
        }
        return server;
    }

    /** Where a gateway (or a test's own JDBC code) finds one database. */
    public record Database(String url, String user) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }

        public DataSource dataSource() {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setUrl(url);
            source.setUser(user);
            return source;
        }

        /** The first column of every row {@code sql} returns, as text. */
        public List<String> column(String sql) throws SQLException {
            List<String> values = new ArrayList<>();
            try (Connection connection = connect();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /**
     * How many rows of {@code table} the transaction open on {@code connection} has updated so far, and how many of
     * those PostgreSQL updated in place (HOT: no new index entries), as {@code [updates, hot updates]}.
     */
    public static List<Long> updatesInThisTransaction(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = ?")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return List.of(row.getLong(1), row.getLong(2));
            }
        }
    }
}
