package org.jointcall.gateway.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jointcall.gateway.persistence.GatewayDatabase;

/**
 * Ready only while the database answers a real query: the gateway must not take a partner's
 * message it cannot write to the ledger.
 *
 * <p>The query reads the schema version Flyway recorded, so the answer also shows that the
 * migrations this build needs are applied. Reported as {@code database} with the JDBC URL
 * (never the password), whether the server is embedded, the schema version and the round trip.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    public static final String NAME = "database";
    private static final String SCHEMA_VERSION =
            "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1";
    private static final int QUERY_TIMEOUT_SECONDS = 3;

    @Inject
    DataSource dataSource;

    @Inject
    GatewayDatabase database;

    @Inject
    DatabaseOutage outage;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("url", database.url())
                .withData("embedded", database.embedded());
        long begin = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SCHEMA_VERSION)) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = statement.executeQuery()) {
                response.withData("schemaVersion", row.next() ? row.getString(1) : "none");
            }
            outage.reached();
            return response.withData("roundTripMillis", (System.nanoTime() - begin) / 1_000_000).up().build();
        } catch (SQLException e) {
            outage.failed();
            return response.withData("error", e.getMessage()).down().build();
        }
    }
}
