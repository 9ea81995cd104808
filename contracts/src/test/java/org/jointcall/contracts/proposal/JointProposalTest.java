package org.jointcall.contracts.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jointcall.contracts.identifier.AgencyId.JST;
import static org.jointcall.contracts.identifier.AgencyId.NRF;
import static org.jointcall.contracts.identifier.AgencyId.NSF;
import static org.jointcall.contracts.identifier.AgencyId.NWO;
import static org.jointcall.contracts.identifier.AgencyId.UKRI;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jointcall.contracts.binding.CanonicalSamples;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.outcome.JointOutcome;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.ResearchField;
import org.jointcall.contracts.v1.TrackRole;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.contracts.validation.ContractViolation;
import org.junit.jupiter.api.Test;

class JointProposalTest {

    private static final CallTerms CALL = Calls.fiveAgencyCall();
    private static final OffsetDateTime DAY = Calls.WINDOW_CLOSES.minusDays(20);
    private static final List<AgencyId> REQUIRED = List.of(JST, NSF, UKRI);

    private final JointProposal proposal = JointProposal.open(UUID.fromString(CanonicalSamples.JOINT_ID), CALL, "ASPIRE26-0042");
    private long clock;

    private JointProposal.Change report(AgencyId agency, long sequence, TrackState state) {
        return report(agency, sequence, state, null);
    }

    private JointProposal.Change report(AgencyId agency, long sequence, TrackState state, String reason) {
        return proposal.apply(new TrackEvent(agency, sequence, state, reason, DAY.plusHours(++clock)));
    }

    private void allRequiredReach(TrackState state, long sequence) {
        REQUIRED.forEach(agency -> report(agency, sequence, state));
    }

    private TrackState stateOf(AgencyId agency) {
        return proposal.track(agency).orElseThrow().state();
    }

    @Test
    void opensWithAnExpectedTrackForEveryFundingAgencyAndNoneForSelfFundedPartners() {
        assertThat(proposal.tracks().keySet()).containsExactly(JST, NSF, NWO, UKRI);
        assertThat(proposal.tracks().values()).allMatch(track -> track.state() == TrackState.EXPECTED);
        assertThat(proposal.track(JST).orElseThrow().role()).isEqualTo(TrackRole.LEAD);
        assertThat(proposal.track(NSF).orElseThrow().role()).isEqualTo(TrackRole.PARTNER);
        assertThat(proposal.track(NWO).orElseThrow().required()).isFalse();
        assertThat(proposal.selfFundedPartners()).containsExactly(NRF);
        assertThat(proposal.outcome()).isEqualTo(JointOutcome.pending());
    }

    @Test
    void rejectionByAnyRequiredAgencyRejectsTheJointProposal() {
        allRequiredReach(TrackState.SUBMITTED, 1);
        report(JST, 2, TrackState.APPROVED);
        report(UKRI, 2, TrackState.APPROVED);

        JointProposal.Change change = report(NSF, 5, TrackState.DECLINED, "not competitive in this round");

        assertThat(change.outcomeChanged()).isTrue();
        assertThat(change.before().status()).isEqualTo(JointStatus.PENDING);
        assertThat(change.after()).isEqualTo(JointOutcome.rejected(NSF, "NSF track DECLINED: not competitive in this round"));
        assertThat(change.after().toNotice(DAY).getDecidingAgency()).isEqualTo("NSF");
        assertThat(change.track().toTrackRecord()).satisfies(record -> {
            assertThat(record.getAgency()).isEqualTo("NSF");
            assertThat(record.getState()).isEqualTo(TrackState.DECLINED);
            assertThat(record.getStateReason()).isEqualTo("not competitive in this round");
            assertThat(record.isRequired()).isTrue();
        });
    }

    @Test
    void everyRequiredApprovalApprovesTheJointProposal() {
        allRequiredReach(TrackState.AWAITING_DECISION, 1);
        report(JST, 2, TrackState.APPROVED);
        report(NSF, 2, TrackState.APPROVED);
        assertThat(proposal.outcome().status()).isEqualTo(JointStatus.PENDING);

        JointProposal.Change last = report(UKRI, 2, TrackState.APPROVED);

        assertThat(last.after()).isEqualTo(JointOutcome.approved(false));
    }

    @Test
    void partialFundingApprovesButRequiresRescoping() {
        allRequiredReach(TrackState.APPROVED, 3);
        JointProposal proposal2 = JointProposal.open(UUID.randomUUID(), CALL, "ASPIRE26-0043");
        REQUIRED.forEach(agency -> proposal2.apply(new TrackEvent(agency, 1, agency.equals(UKRI)
                ? TrackState.APPROVED_PARTIAL : TrackState.APPROVED, "budget reduced by 20%", DAY)));

        assertThat(proposal.outcome()).isEqualTo(JointOutcome.approved(false));
        assertThat(proposal2.outcome()).isEqualTo(JointOutcome.approved(true));
        assertThat(proposal2.outcome().toNotice(DAY).isRescopingRequired()).isTrue();
    }

    @Test
    void allRequiredAwardsAwardTheJointProposal() {
        allRequiredReach(TrackState.APPROVED, 1);
        report(JST, 2, TrackState.AWARDED);
        report(NSF, 2, TrackState.AWARDED);
        assertThat(proposal.outcome().status()).isEqualTo(JointStatus.APPROVED);

        assertThat(report(UKRI, 2, TrackState.AWARDED).after().status()).isEqualTo(JointStatus.AWARDED);
    }

    @Test
    void aReserveListingKeepsTheProposalPendingUntilDecided() {
        allRequiredReach(TrackState.APPROVED, 1);
        proposal.apply(new TrackEvent(UKRI, 0, TrackState.RESERVE, null, DAY));
        JointProposal reserve = JointProposal.open(UUID.randomUUID(), CALL, "ASPIRE26-0044");
        reserve.apply(new TrackEvent(JST, 1, TrackState.APPROVED, null, DAY));
        reserve.apply(new TrackEvent(NSF, 1, TrackState.APPROVED, null, DAY));
        reserve.apply(new TrackEvent(UKRI, 1, TrackState.RESERVE, "on the reserve list", DAY));

        assertThat(reserve.outcome().status()).isEqualTo(JointStatus.PENDING);
        reserve.apply(new TrackEvent(UKRI, 2, TrackState.APPROVED, "funds freed", DAY.plusDays(30)));
        assertThat(reserve.outcome().status()).isEqualTo(JointStatus.APPROVED);
    }

    @Test
    void aDeferredDecisionKeepsTheProposalPendingAndCanStillBeDeclined() {
        allRequiredReach(TrackState.AWAITING_DECISION, 1);
        report(JST, 2, TrackState.APPROVED);
        report(UKRI, 2, TrackState.APPROVED);
        report(NSF, 2, TrackState.DEFERRED, "deferred to the spring panel");
        assertThat(proposal.outcome().status()).isEqualTo(JointStatus.PENDING);

        report(NSF, 3, TrackState.DECLINED, "spring panel");

        assertThat(proposal.outcome()).isEqualTo(JointOutcome.rejected(NSF, "NSF track DECLINED: spring panel"));
    }

    @Test
    void withdrawalOfARequiredPartRejectsTheProposal() {
        allRequiredReach(TrackState.UNDER_REVIEW, 1);

        JointProposal.Change change = report(UKRI, 2, TrackState.WITHDRAWN, "PI moved to another university");

        assertThat(change.after()).isEqualTo(JointOutcome.rejected(UKRI, "UKRI track WITHDRAWN: PI moved to another university"));
    }

    @Test
    void aDeclineWithoutVetoDoesNotRejectTheProposal() {
        allRequiredReach(TrackState.SUBMITTED, 1);
        report(NWO, 1, TrackState.SUBMITTED);
        report(NWO, 2, TrackState.DECLINED);
        allRequiredReach(TrackState.APPROVED, 2);

        assertThat(proposal.outcome()).isEqualTo(JointOutcome.approved(false));
    }

    @Test
    void aSelfFundedPartnersReportsHaveNoTrackAndNoVeto() {
        allRequiredReach(TrackState.APPROVED, 1);

        JointProposal.Change change = report(NRF, 7, TrackState.DECLINED);

        assertThat(change.result()).isEqualTo(EventResult.NO_TRACK);
        assertThat(proposal.tracks()).doesNotContainKey(NRF);
        assertThat(proposal.outcome()).isEqualTo(JointOutcome.approved(false));
    }

    @Test
    void anAgencyOutsideTheCallIsRefused() {
        assertThatThrownBy(() -> report(AgencyId.ANR, 1, TrackState.SUBMITTED))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("sender: ANR does not take part in call ASPIRE-2026-AI (participants: [JST, NSF, NWO, UKRI], self-funded [NRF])");
    }

    @Test
    void aPartnerPartMissingAfterTheWindowMakesItsTrackIneligibleAndRejects() {
        report(JST, 1, TrackState.SUBMITTED);
        report(NSF, 1, TrackState.SUBMITTED);
        report(NWO, 1, TrackState.SUBMITTED);
        assertThat(proposal.sweepDeadlines(CALL, Calls.WINDOW_CLOSES)).isEmpty();

        List<JointProposal.Change> changes = proposal.sweepDeadlines(CALL, Calls.WINDOW_CLOSES.plusMinutes(1));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.track().agency()).isEqualTo(UKRI);
            assertThat(change.track().state()).isEqualTo(TrackState.INELIGIBLE);
            assertThat(change.outcomeChanged()).isTrue();
        });
        assertThat(proposal.outcome().status()).isEqualTo(JointStatus.REJECTED);
        assertThat(proposal.outcome().reason()).startsWith("UKRI track INELIGIBLE: part not received by the end of the parallel-submission window");
        assertThat(proposal.audit()).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(AuditEntry.GATEWAY);
            assertThat(entry.action()).isEqualTo(AuditEntry.Action.PART_MISSING);
            assertThat(entry.agency()).isEqualTo(UKRI);
        });
        assertThatThrownBy(() -> report(UKRI, 1, TrackState.SUBMITTED)).hasMessageContaining("INELIGIBLE is final");
    }

    @Test
    void anUndecidedTrackLapsesAfterTheDecisionDeadlineAndRejects() {
        allRequiredReach(TrackState.APPROVED, 1);
        report(NWO, 1, TrackState.UNDER_REVIEW);
        JointProposal late = JointProposal.open(UUID.randomUUID(), CALL, "ASPIRE26-0045");
        late.apply(new TrackEvent(JST, 1, TrackState.APPROVED, null, DAY));
        late.apply(new TrackEvent(NSF, 1, TrackState.APPROVED, null, DAY));
        late.apply(new TrackEvent(UKRI, 1, TrackState.AWAITING_DECISION, null, DAY));
        late.apply(new TrackEvent(NWO, 1, TrackState.APPROVED, null, DAY));

        late.sweepDeadlines(CALL, Calls.DECISION_DEADLINE.plusSeconds(1));

        assertThat(late.track(UKRI).orElseThrow().state()).isEqualTo(TrackState.LAPSED);
        assertThat(late.track(JST).orElseThrow().state()).isEqualTo(TrackState.APPROVED);
        assertThat(late.outcome().status()).isEqualTo(JointStatus.REJECTED);
        assertThat(late.outcome().decidingAgency()).isEqualTo(UKRI);
        assertThat(proposal.sweepDeadlines(CALL, Calls.DECISION_DEADLINE.plusSeconds(1))).extracting(c -> c.track().agency())
                .containsExactly(NWO);
        assertThat(proposal.outcome()).isEqualTo(JointOutcome.approved(false));
    }

    @Test
    void anExtendedDeadlineKeepsATrackFromLapsing() {
        allRequiredReach(TrackState.AWAITING_DECISION, 1);
        OffsetDateTime extended = Calls.DECISION_DEADLINE.plusDays(30);

        AuditEntry entry = proposal.extendDecisionDeadline(NSF, extended, "coordinator.sato", DAY, "NSF panel postponed");

        assertThat(entry.detail()).isEqualTo("decision deadline extended to " + extended + ": NSF panel postponed");
        assertThat(proposal.sweepDeadlines(CALL, Calls.DECISION_DEADLINE.plusDays(1))).extracting(c -> c.track().toString())
                .containsExactly(
                        "JST LAPSED @1 — no decision by the deadline " + Calls.DECISION_DEADLINE,
                        "NWO (no veto) INELIGIBLE @-1 — part not received by the end of the parallel-submission window " + Calls.WINDOW_CLOSES,
                        "UKRI LAPSED @1 — no decision by the deadline " + Calls.DECISION_DEADLINE);
        assertThat(stateOf(NSF)).isEqualTo(TrackState.AWAITING_DECISION);
        assertThat(proposal.sweepDeadlines(CALL, extended.plusSeconds(1))).extracting(c -> c.track().state())
                .containsExactly(TrackState.LAPSED);
    }

    @Test
    void onlyATrackWaitingForItsDecisionHasADeadlineToExtend() {
        allRequiredReach(TrackState.AWAITING_DECISION, 1);
        report(UKRI, 2, TrackState.APPROVED);
        report(NSF, 2, TrackState.DECLINED, "panel");
        OffsetDateTime extended = Calls.DECISION_DEADLINE.plusDays(30);

        assertThatThrownBy(() -> proposal.extendDecisionDeadline(UKRI, extended, "coordinator.sato", DAY, "late"))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("UKRI track is already APPROVED")
                .hasMessageNotContaining("reopen");
        assertThatThrownBy(() -> proposal.extendDecisionDeadline(NSF, extended, "coordinator.sato", DAY, "late"))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("NSF track is already DECLINED").hasMessageContaining("reopen it first");
        proposal.extendDecisionDeadline(JST, extended, "coordinator.sato", DAY, "JST panel postponed");
        assertThat(proposal.track(JST).orElseThrow().decisionDeadline(Calls.DECISION_DEADLINE)).isEqualTo(extended);
    }

    @Test
    void aRejectionIsFinalUntilACoordinatorReopensItWithAnAuditedReason() {
        allRequiredReach(TrackState.AWAITING_DECISION, 1);
        report(JST, 2, TrackState.APPROVED);
        report(UKRI, 2, TrackState.APPROVED);
        report(NSF, 2, TrackState.DECLINED, "panel");
        assertThatThrownBy(() -> report(NSF, 3, TrackState.APPROVED)).isInstanceOf(IllegalTrackTransition.class);
        OffsetDateTime when = DAY.plusDays(40);

        AuditEntry entry = proposal.reopen(NSF, TrackState.AWAITING_DECISION, "coordinator.tanaka", when, "NSF appeal upheld");

        assertThat(entry).isEqualTo(new AuditEntry(when, "coordinator.tanaka", AuditEntry.Action.REOPENED, NSF,
                "DECLINED → AWAITING_DECISION: NSF appeal upheld"));
        assertThat(proposal.audit()).containsExactly(entry);
        assertThat(proposal.outcome().status()).isEqualTo(JointStatus.PENDING);
        assertThat(proposal.track(NSF).orElseThrow().stateReason()).contains("reopened by coordinator.tanaka: NSF appeal upheld");

        report(NSF, 3, TrackState.APPROVED);

        assertThat(proposal.outcome()).isEqualTo(JointOutcome.approved(false));
    }

    @Test
    void onlyARejectedProposalsRejectingTrackCanBeReopenedToAnOpenState() {
        allRequiredReach(TrackState.UNDER_REVIEW, 1);
        assertThatThrownBy(() -> proposal.reopen(NSF, TrackState.UNDER_REVIEW, "c", DAY, "why"))
                .hasMessageContaining("is PENDING, not REJECTED");
        report(NSF, 2, TrackState.NOT_RECOMMENDED);
        assertThatThrownBy(() -> proposal.reopen(UKRI, TrackState.UNDER_REVIEW, "c", DAY, "why"))
                .hasMessage("track[UKRI].state: UKRI track is UNDER_REVIEW, it did not reject the proposal");
        assertThatThrownBy(() -> proposal.reopen(NSF, TrackState.AWARDED, "c", DAY, "why"))
                .hasMessage("track[NSF].state: a reopened track goes back to an open state, not AWARDED");
        assertThatThrownBy(() -> proposal.reopen(NSF, TrackState.UNDER_REVIEW, " ", DAY, "why"))
                .hasMessage("an audit entry names who made the change");
        assertThat(proposal.outcome().status()).isEqualTo(JointStatus.REJECTED);
    }

    @Test
    void aStaleUpdateArrivingLateIsIgnored() {
        report(NSF, 1, TrackState.SUBMITTED);
        report(NSF, 4, TrackState.RECOMMENDED);

        JointProposal.Change late = report(NSF, 3, TrackState.UNDER_REVIEW);

        assertThat(late.result()).isEqualTo(EventResult.STALE);
        assertThat(stateOf(NSF)).isEqualTo(TrackState.RECOMMENDED);
        assertThat(late.outcomeChanged()).isFalse();
    }

    @Test
    void aDuplicateEventChangesNothing() {
        report(NSF, 1, TrackState.SUBMITTED);
        report(NSF, 2, TrackState.DECLINED, "panel");
        AgencyTrack before = proposal.track(NSF).orElseThrow();

        JointProposal.Change again = proposal.apply(new TrackEvent(NSF, 2, TrackState.DECLINED, "panel", DAY.plusHours(99)));

        assertThat(again.result()).isEqualTo(EventResult.DUPLICATE);
        assertThat(proposal.track(NSF)).contains(before);
        assertThat(again.outcomeChanged()).isFalse();
    }

    @Test
    void canonicalMessagesBecomeTrackEvents() {
        CanonicalMessage part = CanonicalSamples.jstProposalPart();
        CanonicalMessage decision = CanonicalSamples.ukriPartialDecision();

        assertThat(TrackEvent.from(part)).contains(new TrackEvent(JST, 1, TrackState.SUBMITTED, null, part.getSentAt()));
        assertThat(TrackEvent.from(decision)).contains(new TrackEvent(UKRI, 12, TrackState.APPROVED_PARTIAL,
                "Budget constraints in the 2026 round.", decision.getFundingDecision().getDecidedAt()));
        assertThat(TrackEvent.from(CanonicalSamples.nsfReview()).orElseThrow().state()).isEqualTo(TrackState.RECOMMENDED);
        assertThat(TrackEvent.from(CanonicalSamples.rejectionNotice())).isEmpty();
    }

    @Test
    void quantumAndSemiconductorProposalsCarryAResearchSecurityStepForCoordinators() {
        JointProposal quantum = JointProposal.open(UUID.randomUUID(), CallTerms.of(Calls.definition(ResearchField.QUANTUM)), "Q-1");
        assertThat(proposal.researchSecurity()).isEqualTo(ResearchSecurityStatus.NOT_REQUIRED);
        assertThat(quantum.researchSecurity()).isEqualTo(ResearchSecurityStatus.AWAITING_INFORMATION);

        AuditEntry entry = quantum.recordResearchSecurity(ResearchSecurityStatus.MITIGATION_REQUIRED, "coordinator.ito", DAY,
                "subcontractor list reviewed; export-control plan agreed");

        assertThat(quantum.researchSecurity()).isEqualTo(ResearchSecurityStatus.MITIGATION_REQUIRED);
        assertThat(entry.detail()).startsWith("AWAITING_INFORMATION → MITIGATION_REQUIRED");
        assertThat(quantum.outcome()).isEqualTo(JointOutcome.pending());
    }

    @Test
    void aRestoredProposalIsTheSameAsTheOneThatWasStored() {
        allRequiredReach(TrackState.UNDER_REVIEW, 1);
        report(NSF, 2, TrackState.DECLINED, "panel");
        proposal.reopen(NSF, TrackState.UNDER_REVIEW, "coordinator.tanaka", DAY, "appeal");

        JointProposal restored = JointProposal.restore(proposal.id(), proposal.callId(), proposal.jointReference(),
                proposal.tracks().values(), proposal.selfFundedPartners(), proposal.audit(), proposal.researchSecurity());

        assertThat(restored.tracks()).isEqualTo(proposal.tracks());
        assertThat(restored.audit()).isEqualTo(proposal.audit());
        assertThat(restored.outcome()).isEqualTo(proposal.outcome());
    }

    @Test
    void theOldDeclineRedeliveredAfterAReopenDoesNotRejectAgain() {
        allRequiredReach(TrackState.UNDER_REVIEW, 1);
        report(NSF, 2, TrackState.DECLINED, "panel");
        proposal.reopen(NSF, TrackState.UNDER_REVIEW, "coordinator.tanaka", DAY, "appeal");

        JointProposal.Change redelivered = proposal.apply(new TrackEvent(NSF, 2, TrackState.DECLINED, "panel", DAY));

        assertThat(redelivered.result()).isEqualTo(EventResult.CONFLICTING);
        assertThat(stateOf(NSF)).isEqualTo(TrackState.UNDER_REVIEW);
        assertThat(proposal.outcome().status()).isEqualTo(JointStatus.PENDING);
    }
}
