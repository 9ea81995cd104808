package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointcall.gateway.it.JointCallGateway.await;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.gateway.decision.LedgerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation over real HTTP with two gateway instances on one database, both running the job
 * every two seconds: the WireMock partners answer the signed status query with their own (signed)
 * documents, and what the partners report is compared with the gateway's tracks. A run asks an agency at
 * most 20 times a second.
 */
class ReconciliationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    private static JointCallGateway setup;
    private static GatewayProcess second;

    @BeforeAll
    static void twoInstancesReconcilingEveryTwoSeconds() {
        setup = JointCallGateway.start("reconciliation", root, Map.of(
                "gateway.reconciliation.period", "2000",
                "gateway.reconciliation.initial-delay", "500",
                "gateway.reconciliation.unacknowledged-after", "3000",
                "gateway.reconciliation.queries-per-second", "20"));
        second = setup.startAnotherInstance();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        setup.close();
    }

    @Test
    void aStateThePartnerReportsButTheGatewayDoesNotHaveIsRecordedOnceRaisesOneAlertAndClosesWhenItGoesAway() throws Exception {
        String reference = reference("M");
        String nsfId = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
        String dfgId = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000, 999_999_999));
        setup.partners.partner("NSF").reportStatus(nsfId, LedgerFixture.sample("NSF", "decision", reference, 9, m -> {
            m.getFundingDecision().setOutcome(FundingOutcome.DECLINED);
            m.getFundingDecision().setLocalProposalId(nsfId);
        }));
        setup.partners.partner("DFG").reportStatus(dfgId, LedgerFixture.sample("DFG", "proposal", reference, 1,
                m -> m.getProposalPart().setLocalProposalId(dfgId)));

        setup.send("NSF", "proposal", reference, 1, m -> m.getProposalPart().setLocalProposalId(nsfId));
        setup.send("DFG", "proposal", reference, 1, m -> m.getProposalPart().setLocalProposalId(dfgId));

        await("NSF's decline found", PATIENCE, () -> !rows(reference, "NSF", "STATE_MISMATCH").isEmpty());
        long runsBefore = finishedRuns();
        await("two more runs", PATIENCE, () -> finishedRuns() >= runsBefore + 2);

        assertThat(rows(reference, "NSF", "STATE_MISMATCH")).as("one discrepancy however often it is seen, on two instances")
                .containsExactly("SUBMITTED DECLINED " + nsfId + " open seen-again");
        assertThat(column("SELECT detail FROM discrepancy d JOIN joint_proposal p USING (joint_id) WHERE p.joint_reference = '"
                + reference + "'")).singleElement().asString().contains("NSF reports DECLINED (its sequence 9)");
        assertThat(rows(reference, "DFG", "%")).as("DFG reports the state the gateway holds").isEmpty();
        assertThat(column("SELECT count(*) FROM alert WHERE kind = 'DISCREPANCY' AND subject LIKE '% NSF STATE_MISMATCH " + reference
                + "'")).as("one alert for it").containsExactly("1");
        assertThat(setup.partners.partner("NSF").statusQueries()).as("asked with its own proposal id")
                .anySatisfy(query -> assertThat(query.getUrl()).endsWith("?proposal=" + nsfId));

        setup.send("NSF", "decision", reference, 9, m -> {
            m.getFundingDecision().setOutcome(FundingOutcome.DECLINED);
            m.getFundingDecision().setLocalProposalId(nsfId);
        });
        await("the discrepancy closed once the gateway has the decline", PATIENCE,
                () -> rows(reference, "NSF", "STATE_MISMATCH").equals(List.of("SUBMITTED DECLINED " + nsfId + " closed-by-reconciliation seen-again")));
        await("its alert resolved", PATIENCE, () -> column("SELECT count(*) FROM alert WHERE kind = 'DISCREPANCY' AND resolved_at IS NULL"
                + " AND subject LIKE '% NSF STATE_MISMATCH " + reference + "'").equals(List.of("0")));
    }

    @Test
    void aProposalThePartnerDoesNotKnowIsADiscrepancyOfItsOwn() {
        String reference = reference("U");
        setup.send("UKRI", "proposal", reference, 1, m -> { });

        await("UKRI's 404 found", PATIENCE, () -> !rows(reference, "UKRI", "UNKNOWN_AT_PARTNER").isEmpty());
        assertThat(rows(reference, "UKRI", "%")).singleElement().asString().startsWith("SUBMITTED null BB/Z514123/1 open");
    }

    @Test
    void aPullAgencyLeavingItsInboxUnacknowledgedGetsADiscrepancyThatClosesWhenItAcknowledges() throws Exception {
        String reference = reference("P");
        setup.send("JST", "proposal", reference, 1, m -> m.setCallId("ASPIRE-2026-PULL"));

        await("JST's unacknowledged record found", PATIENCE, () -> !rows(reference, "JST", "UNACKNOWLEDGED").isEmpty());
        assertThat(column("SELECT detail FROM discrepancy d JOIN joint_proposal p USING (joint_id) WHERE p.joint_reference = '"
                + reference + "'")).singleElement().asString().contains("JST has not acknowledged 1 message(s) about joint reference " + reference);

        PartnerClient.Answer page = setup.signedWithoutBody("GET", "JST", "/api/v1/exchange/JST/inbox?after=0");
        for (JsonNode message : JSON.readTree(page.body()).path("messages")) {
            if (message.path("body").asText().contains(reference)) {
                PartnerClient.Answer ack = setup.signedWithoutBody("POST", "JST", "/api/v1/exchange/JST/inbox/" + message.path("id").asText() + "/ack");
                assertThat(ack.status()).as(ack.body()).isEqualTo(200);
            }
        }
        await("the discrepancy closed after the acknowledgement", PATIENCE, () -> rows(reference, "JST", "UNACKNOWLEDGED").stream()
                .allMatch(row -> row.contains("closed-by-reconciliation")));
    }

    @Test
    void anAgencyIsAskedAboutItsOpenTracksNoFasterThanThePace() throws Exception {
        for (int i = 0; i < 4; i++) {
            setup.send("NWO", "proposal", reference("N" + i), 1, m -> { });
        }
        await("two runs' queries about the four tracks", PATIENCE, () -> setup.partners.partner("NWO").statusQueries().size() >= 8);

        List<Long> arrivals = setup.partners.partner("NWO").statusQueries().stream()
                .map(query -> query.getLoggedDate().getTime()).sorted().toList();
        // Arrival times at the partner carry the network's jitter (one late arrival shortens the gap after it by as much),
        // so each gap is held to half the pace and each run's span, where only its two ends jitter, to the whole pace.
        // Unpaced, a run's four queries arrive within a few milliseconds.
        int runStart = 0;
        for (int i = 1; i <= arrivals.size(); i++) {
            if (i < arrivals.size() && arrivals.get(i) - arrivals.get(i - 1) < 1000) {
                assertThat(arrivals.get(i) - arrivals.get(i - 1)).as("ms between NWO's status queries %d and %d of %s", i - 1, i, arrivals)
                        .isGreaterThanOrEqualTo(25);
                continue;
            }
            int queries = i - runStart;
            assertThat(arrivals.get(i - 1) - arrivals.get(runStart)).as("ms from the first to the last of %d queries in one run of %s",
                    queries, arrivals).isGreaterThanOrEqualTo((queries - 1) * 50L - 20);
            runStart = i;
        }
    }

    @Test
    void runsOfTheTwoInstancesNeverOverlap() throws Exception {
        await("a few runs", PATIENCE, () -> finishedRuns() >= 3);

        assertThat(column("SELECT count(*) FROM reconciliation_run a JOIN reconciliation_run b ON a.id < b.id"
                + " AND b.started_at < coalesce(a.finished_at, 'infinity')")).as("no run started while another was going").containsExactly("0");
        assertThat(column("SELECT DISTINCT instance_id FROM reconciliation_run")).isNotEmpty()
                .allSatisfy(instance -> assertThat(column("SELECT instance_id FROM gateway_instance")).contains(instance));
    }

    /** "gateway_state partner_state local_id open|closed-by-… new|seen-again" of the discrepancies of {@code agency} about {@code reference}. */
    private static List<String> rows(String reference, String agency, String kind) {
        return column("SELECT coalesce(d.gateway_state, 'null') || ' ' || coalesce(d.partner_state, 'null') || ' '"
                + " || coalesce(d.local_proposal_id, 'null') || ' '"
                + " || CASE WHEN d.resolved_at IS NULL THEN 'open' ELSE 'closed-by-' || d.resolved_by END || ' '"
                + " || CASE WHEN d.last_seen_at > d.detected_at THEN 'seen-again' ELSE 'new' END"
                + " FROM discrepancy d JOIN joint_proposal p USING (joint_id)"
                + " WHERE p.joint_reference = '" + reference + "' AND d.agency = '" + agency + "' AND d.kind LIKE '" + kind + "' ORDER BY d.id");
    }

    private static long finishedRuns() {
        return Long.parseLong(column("SELECT count(*) FROM reconciliation_run WHERE finished_at IS NOT NULL").get(0));
    }

    private static List<String> column(String sql) {
        try {
            return setup.database.column(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    private static String reference(String scenario) {
        return "QUAD-REC-" + scenario + "-" + System.nanoTime();
    }
}
