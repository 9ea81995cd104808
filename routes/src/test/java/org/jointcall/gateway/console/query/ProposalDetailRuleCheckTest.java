package org.jointcall.gateway.console.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.decision.DecisionWorker;
import org.jointcall.gateway.decision.LedgerFixture;
import org.jointcall.gateway.demo.SampleMessages;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.Transactions;
import org.jointcall.gateway.proposal.ProposalRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proposal page's ASPIRE rule check on a real PostgreSQL: one application per researcher (PI or co-PI) per
 * fiscal year across all ASPIRE calls, judged against the other applications the ledger holds.
 */
class ProposalDetailRuleCheckTest {

    private static final String TOP = "ASPIRE-2026-TOP";
    private static final String RISING = "ASPIRE-2026-RISING";
    /** A call without an ASPIRE scheme: its applications do not count. */
    private static final String NOT_ASPIRE = "ASPIRE-2026-PULL";
    private static final String ONE_PER_YEAR = "ASPIRE-ONE-PER-YEAR";
    /** The ORCID iD of the PI in JST's sample part, who also has e-Rad number 12345678. */
    private static final String SAMPLE_PI = "0000-0003-1419-2405";

    private TestDatabase.Database database;
    private LedgerFixture ledger;
    private DecisionWorker worker;
    private ProposalDetail detail;

    @BeforeEach
    void threeCalls() throws Exception {
        database = TestDatabase.fresh("rule_check");
        Transactions transactions = LedgerFixture.migrateWithCalls(database, "/console/calls/aspire-2026-top.xml",
                "/console/calls/aspire-2026-rising.xml", "/delivery/calls/aspire-2026-pull.xml");
        ledger = new LedgerFixture(database);
        worker = LedgerFixture.decisionWorker(transactions);
        detail = new ProposalDetail();
        detail.dataSource = database.dataSource();
        detail.proposals = new ProposalRepository();
        detail.calls = new CallRepository();
    }

    @Test
    void aPiOfTwoApplicationsInOneFiscalYearIsReportedOnBoth() throws Exception {
        submitJstPart(TOP, "TOP-1", SAMPLE_PI);
        submitJstPart(RISING, "RIS-1", SAMPLE_PI);
        submitJstPart(TOP, "TOP-2", "0000-0002-1825-0097");

        assertThat(onePerYear(TOP, "TOP-1")).singleElement().asString()
                .contains("already PI of ASPIRE application RIS-1 (" + RISING + ")");
        assertThat(onePerYear(RISING, "RIS-1")).singleElement().asString()
                .contains("already PI of ASPIRE application TOP-1 (" + TOP + ")");
        assertThat(onePerYear(TOP, "TOP-2")).as("another researcher").isEmpty();
    }

    @Test
    void aSecondVersionOfTheSamePartIsNotAnotherApplication() throws Exception {
        submitJstPart(TOP, "TOP-1", SAMPLE_PI);
        submitJstPart(TOP, "TOP-1", SAMPLE_PI);

        assertThat(onePerYear(TOP, "TOP-1")).isEmpty();
    }

    @Test
    void applicationsOutsideAspireRefusedOrInAnotherFiscalYearDoNotCount() throws Exception {
        submitJstPart(TOP, "TOP-1", SAMPLE_PI);
        submitJstPart(NOT_ASPIRE, "PULL-1", SAMPLE_PI);
        assertThat(onePerYear(TOP, "TOP-1")).as("an application to a call without an ASPIRE scheme").isEmpty();

        submitJstPart(RISING, "RIS-1", SAMPLE_PI);
        assertThat(onePerYear(TOP, "TOP-1")).hasSize(1);
        database.column("UPDATE exchange_ledger SET processing_state = 'REFUSED' WHERE joint_reference = 'RIS-1' RETURNING 1");
        assertThat(onePerYear(TOP, "TOP-1")).as("a refused part").isEmpty();

        submitJstPart(RISING, "RIS-2", SAMPLE_PI);
        assertThat(onePerYear(TOP, "TOP-1")).hasSize(1);
        database.column("UPDATE exchange_ledger SET received_at = received_at - interval '1 year'"
                + " WHERE joint_reference = 'RIS-2' RETURNING 1");
        assertThat(onePerYear(TOP, "TOP-1")).as("an application of the fiscal year before").isEmpty();
    }

    /** The PI is known by an e-Rad number alone in one application and by an ORCID iD and the same number in the other. */
    @Test
    void theSameResearcherIsFoundByTheirERadNumber() throws Exception {
        submitJstPart(TOP, "TOP-1", SAMPLE_PI);
        CanonicalMessage part = jstPart(RISING, "RIS-1", null);
        assertThat(part.getProposalPart().getPersons().get(0).getResearcherNumber().getValue()).isEqualTo("12345678");
        ledger.receive(part);
        worker.poll();

        assertThat(onePerYear(RISING, "RIS-1")).singleElement().asString().contains("TOP-1");
    }

    private void submitJstPart(String callId, String jointReference, String piOrcid) throws Exception {
        CanonicalMessage part = jstPart(callId, jointReference, piOrcid);
        // Another PI has another e-Rad number too; the sample's PI keeps its own.
        if (!SAMPLE_PI.equals(piOrcid)) {
            part.getProposalPart().getPersons().get(0).getResearcherNumber().setValue("99999999");
        }
        ledger.receive(part);
        worker.poll();
    }

    /** JST's sample proposal part (its PI has ORCID iD 0000-0003-1419-2405 and e-Rad number 12345678), re-addressed. */
    private static CanonicalMessage jstPart(String callId, String jointReference, String piOrcid) {
        CanonicalMessage part = SampleMessages.of("JST", "proposal");
        part.setCallId(callId);
        part.setJointReference(jointReference);
        part.setJointProposalId(null);
        part.getProposalPart().getPersons().get(0).setOrcid(piOrcid);
        return part;
    }

    private List<String> onePerYear(String callId, String jointReference) throws Exception {
        UUID jointId = UUID.fromString(database.column("SELECT joint_id FROM joint_proposal WHERE call_id = '" + callId
                + "' AND joint_reference = '" + jointReference + "'").get(0));
        return detail.find(jointId).orElseThrow().ruleCheck().stream()
                .filter(finding -> finding.rule().equals(ONE_PER_YEAR))
                .map(ProposalDetail.RuleFinding::message)
                .toList();
    }
}
