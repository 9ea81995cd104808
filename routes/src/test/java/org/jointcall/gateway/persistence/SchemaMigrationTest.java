package org.jointcall.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.flywaydb.core.api.output.MigrateResult;
import org.jointcall.gateway.it.TestDatabase;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    private final TestDatabase.Database database = TestDatabase.fresh("migration");

    @Test
    void everyMigrationAppliesOnAnEmptyDatabaseAndASecondRunFindsNothingToDo() throws SQLException {
        MigrateResult first = SchemaMigration.migrate(database.dataSource());
        MigrateResult second = SchemaMigration.migrate(database.dataSource());

        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isPositive();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(database.column("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .startsWith("1")
                .hasSize(first.migrationsExecuted);
        assertThat(database.column("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'gateway_instance' ORDER BY ordinal_position"))
                .containsExactly("instance_id", "host", "version", "started_at", "last_seen_at");
    }
}
