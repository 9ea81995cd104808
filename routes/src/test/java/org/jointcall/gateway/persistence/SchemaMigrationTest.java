package org.jointcall.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.Person;
import org.jointcall.contracts.v1.PersonRole;
import org.jointcall.contracts.v1.ResearcherNumber;
import org.jointcall.gateway.demo.SampleMessages;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.ledger.ProposalSubject;
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

    /** V15 gives proposal parts stored before it the lead researchers' keys the gateway now writes on acceptance. */
    @Test
    void proposalPartsStoredBeforeV15GetTheKeysOfTheirLeadResearchers() throws SQLException {
        Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(database.dataSource())
                .locations(SchemaMigration.LOCATION).target("14").load().migrate();
        CanonicalMessage jst = SampleMessages.of("JST", "proposal"); // its PI has an ORCID iD and an e-Rad number
        Person coPi = new Person();
        coPi.setGivenName("Jiro");
        coPi.setFamilyName("Suzuki");
        coPi.setRole(PersonRole.CO_PI);
        coPi.setResearcherNumber(eRad("23456789"));
        jst.getProposalPart().getPersons().add(coPi);
        CanonicalCodec codec = new CanonicalCodec();
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO exchange_ledger (agency, message_id, kind, media_type, body, body_digest, request_headers,
                            signature_input, signature, key_id, algorithm, verdict, canonical_xml, receipt_status,
                            receipt_headers, receipt_body)
                     VALUES ('JST', ?, ?, 'application/xml', '', 'sha-256=:x:', '{}', 'sig=()', 'sig=:x:', 'k',
                             'ecdsa-p256-sha256', '{}', ?, 202, '{}', '')""")) {
            insert.setString(1, "part");
            insert.setString(2, "PROPOSAL_PART");
            insert.setBytes(3, codec.toXml(jst));
            insert.execute();
            insert.setString(1, "review");
            insert.setString(2, "REVIEW_RESULT");
            insert.setBytes(3, codec.toXml(SampleMessages.of("JST", "review")));
            insert.execute();
            insert.setString(1, "unreadable");
            insert.setString(2, "PROPOSAL_PART");
            insert.setBytes(3, "<message".getBytes(StandardCharsets.UTF_8));
            insert.execute();
        }

        SchemaMigration.migrate(database.dataSource());

        assertThat(ProposalSubject.leadResearchers(jst)).as("what the gateway writes now")
                .containsExactly("ORCID:0000-0003-1419-2405", "E_RAD:12345678", "E_RAD:23456789");
        assertThat(database.column("""
                SELECT message_id || ' ' || CASE WHEN lead_researchers IS NULL THEN 'null'
                       ELSE array_to_string(ARRAY(SELECT k FROM unnest(lead_researchers) k ORDER BY k), ',') END
                  FROM exchange_ledger ORDER BY message_id"""))
                .as("the same keys (not the part's RESEARCHER's e-Rad number)")
                .containsExactly("part E_RAD:12345678,E_RAD:23456789,ORCID:0000-0003-1419-2405", "review null", "unreadable null");
    }

    private static ResearcherNumber eRad(String number) {
        ResearcherNumber eRad = new ResearcherNumber();
        eRad.setScheme("E_RAD");
        eRad.setValue(number);
        return eRad;
    }
}
