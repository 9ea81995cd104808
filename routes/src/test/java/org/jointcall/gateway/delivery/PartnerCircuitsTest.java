package org.jointcall.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.jointcall.gateway.persistence.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The partners' circuits on a real PostgreSQL, as the delivery worker's claim looks at them: all of a batch's partners at once. */
class PartnerCircuitsTest {

    private final PartnerCircuits circuits = new PartnerCircuits();
    private TestDatabase.Database database;
    private Transactions transactions;

    @BeforeEach
    void migrated() throws Exception {
        database = TestDatabase.fresh("partner_circuits");
        SchemaMigration.migrate(database.dataSource());
        transactions = new Transactions(database.dataSource());
    }

    @Test
    void oneLookSaysWhichPartnersAreOpenAndMakesThoseWhoseTimeIsUpTheTrial() throws Exception {
        Instant before = Instant.now();
        transactions.inTransaction(connection -> {
            circuits.recordFailure(connection, "NSF", 1, Duration.ofMinutes(1));
            circuits.recordFailure(connection, "UKRI", 1, Duration.ofMillis(1));
            circuits.recordFailure(connection, "DFG", 2, Duration.ofMinutes(1));
            return null;
        });
        Thread.sleep(20);

        Map<String, Instant> open = transactions.inTransaction(connection ->
                circuits.openUntil(connection, List.of("NSF", "UKRI", "DFG", "NWO")));

        assertThat(open).containsOnlyKeys("NSF");
        assertThat(open.get("NSF")).isBetween(before.plusSeconds(59), Instant.now().plusSeconds(60));
        assertThat(database.column("SELECT agency || ' ' || state FROM partner_circuit ORDER BY agency"))
                .as("UKRI's time is up: its next delivery is the trial; DFG has one failure of two")
                .containsExactly("DFG CLOSED", "NSF OPEN", "UKRI HALF_OPEN");
        Optional<Instant> nwo = transactions.inTransaction(connection -> circuits.openUntil(connection, "NWO"));
        assertThat(nwo).as("a partner that never failed").isEmpty();
    }

    @Test
    void aHalfOpenCircuitOpensAgainAtTheNextFailureAndClosesAtTheNextSuccess() throws Exception {
        transactions.inTransaction(connection -> {
            for (String agency : List.of("NSF", "UKRI")) {
                for (int i = 0; i < 3; i++) {
                    circuits.recordFailure(connection, agency, 3, Duration.ofMillis(1));
                }
            }
            return null;
        });
        Thread.sleep(20);
        transactions.inTransaction(connection -> circuits.openUntil(connection, List.of("NSF", "UKRI")));
        assertThat(database.column("SELECT agency || ' ' || state FROM partner_circuit ORDER BY agency"))
                .containsExactly("NSF HALF_OPEN", "UKRI HALF_OPEN");

        Instant before = Instant.now();
        transactions.inTransaction(connection -> {
            circuits.recordFailure(connection, "NSF", 3, Duration.ofMinutes(1));
            circuits.recordSuccess(connection, "UKRI");
            return null;
        });

        assertThat(database.column("SELECT agency || ' ' || state || ' ' || consecutive_failures FROM partner_circuit ORDER BY agency"))
                .as("the trial failed for NSF, not a threshold's worth again; it succeeded for UKRI")
                .containsExactly("NSF OPEN 4", "UKRI CLOSED 0");
        Map<String, Instant> open = transactions.inTransaction(connection -> circuits.openUntil(connection, List.of("NSF", "UKRI")));
        assertThat(open).containsOnlyKeys("NSF");
        assertThat(open.get("NSF")).isAfter(before.plusSeconds(59));
    }
}
