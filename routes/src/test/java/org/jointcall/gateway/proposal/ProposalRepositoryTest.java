package org.jointcall.gateway.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.proposal.JointProposal;
import org.jointcall.contracts.proposal.ResearchSecurityStatus;
import org.jointcall.contracts.proposal.TrackEvent;
import org.jointcall.contracts.v1.CallDeadlines;
import org.jointcall.contracts.v1.DecisionMode;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.Participation;
import org.jointcall.contracts.v1.ResearchField;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.jointcall.gateway.persistence.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Joint proposals stored in and reloaded from a real (embedded) PostgreSQL migrated by Flyway. */
class ProposalRepositoryTest {

    private static final ZoneOffset TOKYO = ZoneOffset.ofHours(9);
    private static final ZoneOffset NEW_DELHI = ZoneOffset.ofHoursMinutes(5, 30);
    private static final OffsetDateTime MAY = OffsetDateTime.of(2026, 5, 11, 9, 30, 15, 123_456_000, TOKYO);

    private final ProposalRepository proposals = new ProposalRepository();
    private Transactions transactions;
    private CallTerms call;

    @BeforeEach
    void migratedDatabaseWithAQuantumCall() throws SQLException {
        TestDatabase.Database database = TestDatabase.fresh("proposals");
        SchemaMigration.migrate(database.dataSource());
        transactions = new Transactions(database.dataSource());
        call = transactions.inTransaction(connection -> new CallRepository().save(connection, quantumCall()));
    }

    @Test
    void aProposalWithTracksAuditAndResearchSecurityReloadsExactlyAsStored() throws SQLException {
        JointProposal proposal = JointProposal.open(UUID.randomUUID(), call, "JQ-2026-0042");
        proposal.apply(new TrackEvent(AgencyId.JST, 3, TrackState.UNDER_REVIEW, "panel assigned", MAY));
        proposal.apply(new TrackEvent(AgencyId.NSF, 7, TrackState.SUBMITTED, null, MAY.withOffsetSameInstant(ZoneOffset.ofHours(-5))));
        proposal.extendDecisionDeadline(AgencyId.NSF, OffsetDateTime.of(2027, 3, 1, 0, 0, 0, 0, NEW_DELHI),
                "coordinator.sato", MAY.plusDays(1), "NSF panel moved to February");
        proposal.recordResearchSecurity(ResearchSecurityStatus.UNDER_ASSESSMENT, "coordinator.sato", MAY.plusDays(2),
                "collaborator list received");

        transactions.inTransaction(connection -> proposals.insert(connection, proposal));
        StoredProposal reloaded = reload(proposal.id());

        assertThat(reloaded.version()).isEqualTo(1);
        assertSameProposal(reloaded.proposal(), proposal);
        assertThat(reloaded.proposal().track(AgencyId.JST).orElseThrow().updatedAt()).hasValue(MAY);
    }

    @Test
    void aRejectionStoredByOneTransactionIsWhatTheNextOneReads() throws SQLException {
        JointProposal proposal = JointProposal.open(UUID.randomUUID(), call, "JQ-2026-0043");
        StoredProposal stored = transactions.inTransaction(connection -> proposals.insert(connection, proposal));

        JointProposal changed = reload(proposal.id()).proposal();
        changed.apply(new TrackEvent(AgencyId.NSF, 1, TrackState.SUBMITTED, null, MAY));
        changed.apply(new TrackEvent(AgencyId.NSF, 2, TrackState.DECLINED, "not competitive", MAY.plusMonths(5)));
        StoredProposal updated = transactions.inTransaction(connection -> proposals.update(connection, changed, stored.version()));

        StoredProposal reloaded = reload(proposal.id());
        assertThat(updated.version()).isEqualTo(2);
        assertThat(reloaded.version()).isEqualTo(2);
        assertSameProposal(reloaded.proposal(), changed);
        assertThat(reloaded.proposal().outcome().status()).isEqualTo(JointStatus.REJECTED);
        assertThat(reloaded.proposal().outcome().decidingAgency()).isEqualTo(AgencyId.NSF);
        Optional<StoredProposal> byReference = transactions.inTransaction(
                connection -> proposals.findByReference(connection, call.callId(), "JQ-2026-0043"));
        assertThat(byReference.map(found -> found.proposal().id())).hasValue(proposal.id());
    }

    @Test
    void anUpdateRewritesOnlyTheTrackThatChanged() throws SQLException {
        JointProposal proposal = JointProposal.open(UUID.randomUUID(), call, "JQ-2026-0046");
        StoredProposal stored = transactions.inTransaction(connection -> proposals.insert(connection, proposal));
        JointProposal changed = reload(proposal.id()).proposal();
        changed.apply(new TrackEvent(AgencyId.NSF, 1, TrackState.SUBMITTED, null, MAY));

        List<Long> updates = transactions.inTransaction(connection -> {
            proposals.update(connection, changed, stored.version());
            return TestDatabase.updatesInThisTransaction(connection, "agency_track");
        });

        assertThat(updates.get(0)).as("agency_track rows updated").isEqualTo(1);
        assertSameProposal(reload(proposal.id()).proposal(), changed);
    }

    @Test
    void aChangeBasedOnAVersionAnotherInstanceHasSupersededIsRefusedAndWritesNothing() throws SQLException {
        JointProposal proposal = JointProposal.open(UUID.randomUUID(), call, "JQ-2026-0044");
        transactions.inTransaction(connection -> proposals.insert(connection, proposal));
        StoredProposal readByFirst = reload(proposal.id());
        StoredProposal readBySecond = reload(proposal.id());

        readByFirst.proposal().apply(new TrackEvent(AgencyId.JST, 1, TrackState.SUBMITTED, null, MAY));
        transactions.inTransaction(connection -> proposals.update(connection, readByFirst.proposal(), readByFirst.version()));
        readBySecond.proposal().apply(new TrackEvent(AgencyId.NSF, 1, TrackState.SUBMITTED, null, MAY));

        assertThatThrownBy(() -> transactions.inTransaction(
                connection -> proposals.update(connection, readBySecond.proposal(), readBySecond.version())))
                .isInstanceOf(ConcurrentProposalUpdate.class)
                .hasMessageContaining(proposal.id().toString())
                .hasMessageContaining("after version 1 was read");
        StoredProposal reloaded = reload(proposal.id());
        assertThat(reloaded.version()).isEqualTo(2);
        assertThat(reloaded.proposal().track(AgencyId.JST).orElseThrow().state()).isEqualTo(TrackState.SUBMITTED);
        assertThat(reloaded.proposal().track(AgencyId.NSF).orElseThrow().state()).as("the refused change left no trace")
                .isEqualTo(TrackState.EXPECTED);
    }

    @Test
    void writingAProposalOutsideATransactionIsRefused() throws SQLException {
        JointProposal proposal = JointProposal.open(UUID.randomUUID(), call, "JQ-2026-0045");
        try (Connection autoCommit = TestDatabase.fresh("autocommit").connect()) {
            assertThatThrownBy(() -> proposals.insert(autoCommit, proposal))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs a transaction");
        }
    }

    @Test
    void theCallReloadsAsTheTermsItWasStoredWith() throws SQLException {
        CallTerms reloaded = transactions.inTransaction(connection -> new CallRepository().find(connection, call.callId()))
                .orElseThrow();

        assertThat(reloaded.participants()).isEqualTo(call.participants());
        assertThat(reloaded.decisionDeadline()).isEqualTo(call.decisionDeadline());
        assertThat(reloaded.requiresResearchSecurity()).isTrue();
    }

    private StoredProposal reload(UUID jointId) throws SQLException {
        return transactions.inTransaction(connection -> proposals.find(connection, jointId)).orElseThrow();
    }

    private static void assertSameProposal(JointProposal actual, JointProposal expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.callId()).isEqualTo(expected.callId());
        assertThat(actual.jointReference()).isEqualTo(expected.jointReference());
        assertThat(actual.tracks()).isEqualTo(expected.tracks());
        assertThat(actual.selfFundedPartners()).isEqualTo(expected.selfFundedPartners());
        assertThat(actual.audit()).isEqualTo(expected.audit());
        assertThat(actual.researchSecurity()).isEqualTo(expected.researchSecurity());
        assertThat(actual.outcome()).isEqualTo(expected.outcome());
    }

    /** JST leads; NSF has a veto; NWO follows without one; NRF funds itself (no track). */
    private static JointCall quantumCall() {
        JointCall definition = new JointCall();
        definition.setCallId("ASPIRE-2026-QUANTUM");
        definition.setProgramme("ASPIRE");
        definition.setField(ResearchField.QUANTUM);
        definition.setDecisionMode(DecisionMode.JOINT_REVIEW);
        definition.setLeadAgency("JST");
        definition.getParticipants().add(participant("JST", true, false));
        definition.getParticipants().add(participant("NSF", true, false));
        definition.getParticipants().add(participant("NWO", false, false));
        definition.getParticipants().add(participant("NRF", false, true));
        CallDeadlines deadlines = new CallDeadlines();
        deadlines.setSubmission(OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 0, TOKYO));
        deadlines.setParallelSubmissionOpens(OffsetDateTime.of(2026, 4, 1, 0, 0, 0, 0, TOKYO));
        deadlines.setParallelSubmissionCloses(OffsetDateTime.of(2026, 6, 15, 23, 59, 0, 0, TOKYO));
        deadlines.setReview(OffsetDateTime.of(2026, 10, 31, 23, 59, 0, 0, TOKYO));
        deadlines.setDecision(OffsetDateTime.of(2027, 1, 31, 23, 59, 0, 0, TOKYO));
        definition.setDeadlines(deadlines);
        return definition;
    }

    private static Participation participant(String agency, boolean required, boolean selfFunded) {
        Participation participation = new Participation();
        participation.setAgency(agency);
        participation.setRequired(required);
        participation.setSelfFunded(selfFunded);
        return participation;
    }
}
