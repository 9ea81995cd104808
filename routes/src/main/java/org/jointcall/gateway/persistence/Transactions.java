package org.jointcall.gateway.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs a piece of JDBC work in one database transaction: committed when it returns, rolled back
 * when it throws. The repositories take the {@link Connection} of the caller's transaction, so a
 * state change and the messages it causes (the transactional outbox) commit together or not at all.
 */
@ApplicationScoped
public class Transactions {

    /** Work done on the connection of one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private DataSource dataSource;

    /** For the CDI proxy only. */
    protected Transactions() {
    }

    @Inject
    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
