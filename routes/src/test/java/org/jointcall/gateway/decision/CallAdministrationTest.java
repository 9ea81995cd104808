package org.jointcall.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.jointcall.gateway.agency.AgencyDirectory;
import org.jointcall.gateway.agency.ConfigDirectory;
import org.jointcall.gateway.agency.ConfigurationRejected;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.it.TestAgencies;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.jointcall.gateway.persistence.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joint calls changed through the admin API's service: the same checks as the files, written as files, stored at once. */
class CallAdministrationTest {

    @TempDir
    Path root;
    private Path config;
    private TestDatabase.Database database;
    private CallAdministration administration;
    private String quad;

    @BeforeEach
    void oneConfiguredCall() throws Exception {
        database = TestDatabase.fresh("call-admin");
        SchemaMigration.migrate(database.dataSource());
        Transactions transactions = new Transactions(database.dataSource());
        config = TestAgencies.writeTo(root).configDirectory();
        Files.createDirectories(config.resolve("calls"));
        try (InputStream call = getClass().getResourceAsStream("/delivery/calls/aspire-2026-quad.xml")) {
            quad = new String(call.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(config.resolve("calls/aspire-2026-quad.xml"), quad);
        CallLoading loading = new CallLoading();
        loading.transactions = transactions;
        loading.calls = new CallRepository();
        loading.ledger = new DecisionLedger();
        loading.config = new ConfigDirectory(config);
        administration = new CallAdministration(loading.config, loading, transactions, new AgencyDirectory(loading.config));
    }

    @Test
    void aNewDefinitionReplacesTheFileThatDefinesTheCallAndIsStoredInTheSameTransactionAsItsAudit() throws Exception {
        String renamed = quad.replaceFirst("<title>[^<]*</title>", "<title>Quantum and AI, second round</title>");
        AtomicInteger audited = new AtomicInteger();

        CallAdministration.Change change = administration.put("ASPIRE-2026-QUAD", renamed.getBytes(StandardCharsets.UTF_8),
                (connection, created) -> audited.incrementAndGet());

        assertThat(change.created()).isFalse();
        assertThat(change.call().file()).isEqualTo(config.resolve("calls/aspire-2026-quad.xml"));
        assertThat(Files.readString(config.resolve("calls/aspire-2026-quad.xml"))).isEqualTo(renamed);
        assertThat(database.column("SELECT definition FROM joint_call WHERE call_id = 'ASPIRE-2026-QUAD'")).singleElement()
                .asString().contains("Quantum and AI, second round");
        assertThat(audited).hasValue(1);
        assertThat(administration.list()).extracting(CallAdministration.Configured::callId).containsExactly("ASPIRE-2026-QUAD");
    }

    @Test
    void aCallNotDefinedYetGetsAFileNamedAfterIt() throws Exception {
        String other = quad.replace("ASPIRE-2026-QUAD", "ASPIRE/2027:QUAD");

        CallAdministration.Change change = administration.put("ASPIRE/2027:QUAD", other.getBytes(StandardCharsets.UTF_8), (connection, created) -> { });

        assertThat(change.created()).isTrue();
        assertThat(change.call().file()).isEqualTo(config.resolve("calls/ASPIRE_2027_QUAD.xml"));
        assertThat(administration.find("ASPIRE/2027:QUAD")).isPresent();
        assertThat(database.column("SELECT call_id FROM joint_call ORDER BY call_id")).containsExactly("ASPIRE/2027:QUAD");
    }

    @Test
    void anInvalidDefinitionOrOneOfAnotherCallIsRefusedWithWhatIsWrongAndNothingIsWrittenOrStored() throws Exception {
        String broken = quad.replace("<field>", "<field>ALCHEMY").replaceFirst("ALCHEMY[A-Z_]*", "ALCHEMY");

        assertThatThrownBy(() -> administration.put("ASPIRE-2026-QUAD", broken.getBytes(StandardCharsets.UTF_8), (connection, created) -> { }))
                .isInstanceOf(ConfigurationRejected.class).hasMessageContaining("ALCHEMY")
                .satisfies(e -> assertThat(((ConfigurationRejected) e).problems()).isNotEmpty());
        assertThatThrownBy(() -> administration.put("OTHER-CALL", quad.getBytes(StandardCharsets.UTF_8), (connection, created) -> { }))
                .isInstanceOf(ConfigurationRejected.class).hasMessageContaining("the definition is of call ASPIRE-2026-QUAD");
        assertThatThrownBy(() -> administration.put("ASPIRE-2026-QUAD", "<jointCall".getBytes(StandardCharsets.UTF_8), (connection, created) -> { }))
                .isInstanceOf(ConfigurationRejected.class);
        String withAnUnknownAgency = quad.replace("<agency>NWO</agency>", "<agency>ZZZ</agency>");
        assertThatThrownBy(() -> administration.put("ASPIRE-2026-QUAD", withAnUnknownAgency.getBytes(StandardCharsets.UTF_8),
                (connection, created) -> { })).isInstanceOf(ConfigurationRejected.class)
                .hasMessageContaining("participants [ZZZ] are not configured agencies");

        assertThat(Files.readString(config.resolve("calls/aspire-2026-quad.xml"))).isEqualTo(quad);
        assertThat(Files.list(config.resolve("calls"))).as("no stray temporary file").hasSize(1);
        assertThat(database.column("SELECT call_id FROM joint_call")).isEmpty();
    }
}
