package org.jointcall.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.gateway.agency.ConfigDirectory;
import org.jointcall.gateway.bootstrap.StartupFailure;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.jointcall.gateway.persistence.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joint calls loaded from {@code gateway.config.dir/calls} into a real PostgreSQL. */
class CallLoadingTest {

    @TempDir
    Path config;
    private TestDatabase.Database database;
    private Transactions transactions;

    @BeforeEach
    void migratedDatabase() throws Exception {
        database = TestDatabase.fresh("calls");
        SchemaMigration.migrate(database.dataSource());
        transactions = new Transactions(database.dataSource());
        Files.createDirectories(config.resolve("calls"));
        try (InputStream call = getClass().getResourceAsStream("/delivery/calls/aspire-2026-quad.xml")) {
            Files.copy(call, config.resolve("calls/aspire-2026-quad.xml"));
        }
    }

    private CallLoading loading() {
        CallLoading loading = new CallLoading();
        loading.transactions = transactions;
        loading.calls = new CallRepository();
        loading.ledger = new DecisionLedger();
        loading.config = new ConfigDirectory(config);
        loading.failure = StartupFailure.withoutExit();
        return loading;
    }

    @Test
    void everyCallInTheDirectoryIsStoredAndLoadingAgainOrTwiceAtOnceChangesNothing() throws Exception {
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> load(loading()));
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> load(loading()));
        CompletableFuture.allOf(one, other).get();
        load(loading());

        assertThat(database.column("SELECT call_id FROM joint_call")).containsExactly("ASPIRE-2026-QUAD");
        assertThat(transactions.inTransaction(connection -> new CallRepository().find(connection, "ASPIRE-2026-QUAD")).orElseThrow()
                .participants()).containsOnlyKeys(AgencyId.DFG, AgencyId.NSF, AgencyId.NWO, AgencyId.UKRI);
    }

    @Test
    void messagesHeldForAnUnknownCallAreQueuedAgainOnceItIsLoaded() throws Exception {
        LedgerFixture ledger = new LedgerFixture(database);
        long early = ledger.receive(LedgerFixture.sample("NSF", "proposal", "QUAD-CALL-1", 1));
        LedgerFixture.decisionWorker(transactions).poll();
        assertThat(ledger.processing(early)).containsExactly("HELD", "call ASPIRE-2026-QUAD is not configured; held until a call"
                + " definition with that id is loaded from gateway.config.dir/calls");

        load(loading());

        assertThat(ledger.processing(early)).containsExactly("RECEIVED", null);
    }

    @Test
    void anInvalidDefinitionStopsTheLoadNamingTheFileAndTheFieldAndStoresNothing() throws Exception {
        Path broken = config.resolve("calls/broken.xml");
        Files.writeString(broken, new String(Files.readAllBytes(config.resolve("calls/aspire-2026-quad.xml")), StandardCharsets.UTF_8)
                .replace("ASPIRE-2026-QUAD", "ASPIRE-2026-BROKEN").replace("<field>MATERIALS</field>", "<field>ALCHEMY</field>"));

        assertThatThrownBy(() -> loading().load(null))
                .hasMessageStartingWith("jointcall-gateway failed to start: joint calls in " + config.resolve("calls")
                        + ": Joint call definition " + broken + " is invalid")
                .hasMessageContaining("ALCHEMY");
        assertThat(database.column("SELECT call_id FROM joint_call")).isEqualTo(List.of());
    }

    private static void load(CallLoading loading) {
        try {
            loading.load(null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
