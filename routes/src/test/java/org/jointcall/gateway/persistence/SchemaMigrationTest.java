package org.jointcall.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
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

    /** V14 gives proposals stored before it the titles of every part the ledger holds for them, as the search found them before. */
    @Test
    void proposalsStoredBeforeV14GetTheTitlesOfTheirPartsInTheLedger() throws SQLException {
        Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(database.dataSource())
                .locations(SchemaMigration.LOCATION).target("13").load().migrate();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO joint_call (call_id, field, decision_mode, decision_deadline, definition)
                    VALUES ('C-1', 'quantum', 'ANY_REJECTION', now() + interval '1 year', '{}')""");
            statement.execute("""
                    INSERT INTO joint_proposal (joint_id, call_id, joint_reference, research_security, joint_status, version)
                    VALUES (gen_random_uuid(), 'C-1', 'JR-1', 'NOT_REQUIRED', 'OPEN', 1),
                           (gen_random_uuid(), 'C-1', 'JR-2', 'NOT_REQUIRED', 'OPEN', 1)""");
            statement.execute("""
                    INSERT INTO exchange_ledger (agency, message_id, kind, joint_reference, call_id, title, media_type, body,
                           body_digest, request_headers, signature_input, signature, key_id, algorithm, verdict,
                           canonical_xml, receipt_status, receipt_headers, receipt_body, processing_state)
                    SELECT agency, 'm-' || n, kind, 'JR-1', 'C-1', title, 'application/xml', '', 'sha-256=:x:', '{}', 'sig=()',
                           'sig=:x:', 'k', 'ecdsa-p256-sha256', '{}', '', 202, '{}', '', 'APPLIED'
                      FROM (VALUES (1, 'NSF', 'PROPOSAL_PART', 'Kelp forests'), (2, 'DFG', 'PROPOSAL_PART', 'Kelpwälder'),
                                   (3, 'NSF', 'PROPOSAL_PART', 'Kelp forests'), (4, 'NSF', 'REVIEW_RESULT', NULL)) AS m (n, agency, kind, title)""");
        }

        SchemaMigration.migrate(database.dataSource());

        assertThat(database.column("SELECT joint_reference || ': ' || replace(part_titles, E'\\n', ' | ') FROM joint_proposal ORDER BY 1"))
                .containsExactly("JR-1: Kelp forests | Kelpwälder", "JR-2: ");
    }
}
