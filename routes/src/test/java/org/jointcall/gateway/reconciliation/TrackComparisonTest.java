package org.jointcall.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.proposal.TrackEvent;
import org.jointcall.contracts.v1.TrackState;
import org.junit.jupiter.api.Test;

class TrackComparisonTest {

    private static final OpenTrack UNDER_REVIEW_AT_5 = new OpenTrack(UUID.randomUUID(), "ASPIRE-2026-QUAD", "QUAD-7", "NSF",
            TrackState.UNDER_REVIEW, 5, Optional.of("2412345"));

    private static PartnerStatus reports(TrackState state, long sequence) {
        return new PartnerStatus.Reported(new TrackEvent(AgencyId.NSF, sequence, state, null, OffsetDateTime.parse("2026-11-20T10:00:00Z")));
    }

    @Test
    void theSameStateIsAgreementWhateverTheSequences() {
        assertThat(TrackComparison.compare(UNDER_REVIEW_AT_5, reports(TrackState.UNDER_REVIEW, 5))).isEmpty();
        assertThat(TrackComparison.compare(UNDER_REVIEW_AT_5, reports(TrackState.UNDER_REVIEW, 9))).isEmpty();
    }

    @Test
    void aStateTheGatewayDoesNotHaveIsAMismatchCarryingBothStates() {
        Finding finding = TrackComparison.compare(UNDER_REVIEW_AT_5, reports(TrackState.DECLINED, 7)).orElseThrow();

        assertThat(finding.kind()).isEqualTo(DiscrepancyKind.STATE_MISMATCH);
        assertThat(finding.key()).isEqualTo(new Finding.Key("NSF", UNDER_REVIEW_AT_5.jointId(), DiscrepancyKind.STATE_MISMATCH));
        assertThat(finding.gatewayState()).isEqualTo("UNDER_REVIEW");
        assertThat(finding.partnerState()).isEqualTo("DECLINED");
        assertThat(finding.localProposalId()).isEqualTo("2412345");
        assertThat(finding.jointReference()).isEqualTo("QUAD-7");
        assertThat(finding.detail()).contains("NSF reports DECLINED (its sequence 7), the gateway holds UNDER_REVIEW (sequence 5)")
                .contains("a newer report of NSF has not reached the gateway");
    }

    @Test
    void theSequencesSayWhatProbablyHappened() {
        assertThat(TrackComparison.compare(UNDER_REVIEW_AT_5, reports(TrackState.RECOMMENDED, 5)).orElseThrow().detail())
                .contains("changed its record without a new sequence");
        assertThat(TrackComparison.compare(UNDER_REVIEW_AT_5, reports(TrackState.SUBMITTED, 1)).orElseThrow().detail())
                .contains("shows an older state than the report the gateway applied");
    }

    @Test
    void anAgencyThatDoesNotKnowTheProposalIsAFindingOfItsOwn() {
        Finding finding = TrackComparison.compare(UNDER_REVIEW_AT_5, new PartnerStatus.NotKnown("no such proposal")).orElseThrow();

        assertThat(finding.kind()).isEqualTo(DiscrepancyKind.UNKNOWN_AT_PARTNER);
        assertThat(finding.gatewayState()).isEqualTo("UNDER_REVIEW");
        assertThat(finding.partnerState()).isNull();
        assertThat(finding.detail()).contains("NSF proposal 2412345 (joint reference QUAD-7) is unknown to NSF's system");
    }

    @Test
    void noUsableAnswerProvesNothing() {
        assertThat(TrackComparison.compare(UNDER_REVIEW_AT_5, new PartnerStatus.Unanswered("NSF answered 503", true))).isEmpty();
        assertThat(TrackComparison.compare(UNDER_REVIEW_AT_5, new PartnerStatus.Unanswered("signature does not verify", false))).isEmpty();
    }
}
