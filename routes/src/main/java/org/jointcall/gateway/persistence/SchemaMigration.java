package org.jointcall.gateway.persistence;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database schema up to the version this build expects, with Flyway, before any route
 * touches a table.
 *
 * <p>Several instances may start at once against one database: Flyway takes a PostgreSQL advisory
 * lock, so exactly one of them applies a pending migration and the others find it applied.
 * Migrations live in {@code src/main/resources/db/migration} and are never edited once released.
 */
@ApplicationScoped
public class SchemaMigration {

    public static final String LOCATION = "classpath:db/migration";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    @Inject
    DataSource dataSource;

    /** Applies every pending migration; throws when one fails, which stops the gateway from starting. */
    public MigrateResult migrate() {
        MigrateResult result = migrate(dataSource);
        LOG.info("Database schema at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        return result;
    }

    /** The same migration on any data source, for tests that prepare a database without the container. */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
