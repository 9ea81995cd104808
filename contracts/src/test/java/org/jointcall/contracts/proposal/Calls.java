package org.jointcall.contracts.proposal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jointcall.contracts.binding.CanonicalSamples;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.v1.CallDeadlines;
import org.jointcall.contracts.v1.DecisionMode;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.v1.ResearchField;

/** Calls for the joint-proposal tests: JST leads; NSF and UKRI are required; NWO funds without veto; NRF is self-funded. */
public final class Calls {

    public static final OffsetDateTime WINDOW_CLOSES = OffsetDateTime.of(2026, 7, 31, 23, 59, 0, 0, ZoneOffset.ofHours(9));
    public static final OffsetDateTime DECISION_DEADLINE = OffsetDateTime.of(2027, 1, 31, 23, 59, 0, 0, ZoneOffset.ofHours(9));

    private Calls() {
    }

    public static CallTerms fiveAgencyCall() {
        return CallTerms.of(definition(ResearchField.AI_INFORMATION));
    }

    public static JointCall definition(ResearchField field) {
        JointCall call = new JointCall();
        call.setCallId("ASPIRE-2026-AI");
        call.setProgramme("ASPIRE");
        call.setField(field);
        call.setDecisionMode(DecisionMode.JOINT_REVIEW);
        call.setLeadAgency("JST");
        call.getParticipants().add(CanonicalSamples.participation("JST", true, false));
        call.getParticipants().add(CanonicalSamples.participation("NSF", true, false));
        call.getParticipants().add(CanonicalSamples.participation("UKRI", true, false));
        call.getParticipants().add(CanonicalSamples.participation("NWO", false, false));
        call.getParticipants().add(CanonicalSamples.participation("NRF", false, true));
        CallDeadlines deadlines = new CallDeadlines();
        deadlines.setParallelSubmissionOpens(OffsetDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZoneOffset.ofHours(9)));
        deadlines.setSubmission(OffsetDateTime.of(2026, 7, 15, 12, 0, 0, 0, ZoneOffset.ofHours(9)));
        deadlines.setParallelSubmissionCloses(WINDOW_CLOSES);
        deadlines.setReview(OffsetDateTime.of(2026, 11, 30, 23, 59, 0, 0, ZoneOffset.ofHours(9)));
        deadlines.setDecision(DECISION_DEADLINE);
        call.setDeadlines(deadlines);
        return call;
    }
}
