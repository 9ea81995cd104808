package org.jointcall.gateway.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.decision.LedgerFixture.sample;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.gateway.decision.DecisionWorker;
import org.jointcall.gateway.decision.LedgerFixture;
import org.jointcall.gateway.it.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messages held by the real decision worker on a real PostgreSQL: an alert per sending agency once they have waited an
 * hour, counted from when each was first held, closing when they are applied.
 */
class HeldMessageAlertsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private TestDatabase.Database database;
    private LedgerFixture ledger;
    private DecisionWorker worker;
    private HeldMessageAlerts check;

    @BeforeEach
    void migratedDatabaseWithTheFourAgencyCall() throws Exception {
        database = TestDatabase.fresh("held_alerts");
        ledger = new LedgerFixture(database);
        worker = LedgerFixture.decisionWorker(LedgerFixture.migrateWithTheTestCall(database));
        check = new HeldMessageAlerts(database.dataSource(), new AlertLog(database.dataSource()), HOUR);
    }

    @Test
    void messagesWaitingAnHourAreOneAlertPerAgencyUntilTheyAreApplied() throws Exception {
        long early = ledger.receive(sample("NWO", "decision", "HELD-1", 9, m -> m.getFundingDecision().setOutcome(FundingOutcome.DECLINED)));
        long earlyToo = ledger.receive(sample("NWO", "review", "HELD-2", 3));
        ledger.receive(sample("DFG", "decision", "HELD-1", 9));
        worker.poll();
        assertThat(database.column("SELECT count(*) FROM held_message")).containsExactly("3");

        check.check(Instant.now());
        assertThat(open()).as("held for less than an hour").isEmpty();

        check.check(Instant.now().plus(HOUR));
        assertThat(open()).containsExactly("MESSAGES_HELD DFG WARNING", "MESSAGES_HELD NWO WARNING");
        assertThat(database.column("SELECT detail FROM alert WHERE subject = 'NWO'")).singleElement().asString()
                .startsWith("NWO has 2 message(s) held for more than 60 min")
                .contains("waiting: no proposal part with joint reference HELD-1 in call ASPIRE-2026-QUAD has arrived yet")
                .contains("(status HELD): nwo-test-1-");

        List<String> dfgHeldSince = heldSince("DFG");
        // NWO's parts arrive: its held messages are applied; DFG's decision now waits for DFG's own part.
        ledger.receive(sample("NWO", "proposal", "HELD-1", 1));
        ledger.receive(sample("NWO", "proposal", "HELD-2", 1));
        worker.poll();
        assertThat(ledger.processing(early).get(0)).isEqualTo("APPLIED");
        assertThat(ledger.processing(earlyToo).get(0)).isEqualTo("APPLIED");

        check.check(Instant.now().plus(HOUR));
        assertThat(open()).as("DFG's decision was held again, and still counts from when it was first held")
                .containsExactly("MESSAGES_HELD DFG WARNING");
        assertThat(ledger.processing(database.column("SELECT ledger_id FROM exchange_ledger WHERE agency = 'DFG'").stream()
                .mapToLong(Long::parseLong).findFirst().orElseThrow()).get(1)).startsWith("DFG's own proposal part");
        assertThat(heldSince("DFG")).isEqualTo(dfgHeldSince);
        assertThat(database.column("SELECT count(*) FROM held_message")).as("applied messages are forgotten").containsExactly("1");
    }

    private List<String> heldSince(String agency) throws SQLException {
        return database.column("SELECT h.held_since::text FROM held_message h JOIN exchange_ledger l USING (ledger_id)"
                + " WHERE l.agency = '" + agency + "'");
    }

    private List<String> open() throws SQLException {
        return database.column("SELECT kind || ' ' || subject || ' ' || severity FROM alert WHERE resolved_at IS NULL"
                + " ORDER BY kind, subject");
    }
}
