package org.jointcall.contracts.outcome;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.v1.JointOutcomeNotice;
import org.jointcall.contracts.v1.JointStatus;

/**
 * Where a joint proposal stands as a whole, as {@link JointOutcomePolicy} computes it from the
 * tracks. A rejection always names the agency that decided it and why.
 *
 * @param status PENDING, APPROVED, REJECTED or AWARDED
 * @param rescopingRequired whether an agency approved only part of what was asked, so the project must be rescoped
 * @param decidingAgency the agency whose track decided a rejection; null otherwise
 * @param reason why, for a rejection; null otherwise
 */
public record JointOutcome(JointStatus status, boolean rescopingRequired, AgencyId decidingAgency, String reason) {

    public JointOutcome {
        Objects.requireNonNull(status, "status");
        if (status == JointStatus.REJECTED && (decidingAgency == null || reason == null)) {
            throw new IllegalArgumentException("a rejection names the deciding agency and the reason");
        }
    }

    public static JointOutcome pending() {
        return new JointOutcome(JointStatus.PENDING, false, null, null);
    }

    public static JointOutcome approved(boolean rescopingRequired) {
        return new JointOutcome(JointStatus.APPROVED, rescopingRequired, null, null);
    }

    public static JointOutcome awarded(boolean rescopingRequired) {
        return new JointOutcome(JointStatus.AWARDED, rescopingRequired, null, null);
    }

    public static JointOutcome rejected(AgencyId decidingAgency, String reason) {
        return new JointOutcome(JointStatus.REJECTED, false, Objects.requireNonNull(decidingAgency, "decidingAgency"),
                Objects.requireNonNull(reason, "reason"));
    }

    public Optional<AgencyId> decidingAgencyIfAny() {
        return Optional.ofNullable(decidingAgency);
    }

    /** The notice that tells every agency about this outcome. */
    public JointOutcomeNotice toNotice(OffsetDateTime decidedAt) {
        JointOutcomeNotice notice = new JointOutcomeNotice();
        notice.setOutcome(status);
        notice.setDecidingAgency(decidingAgency == null ? null : decidingAgency.code());
        notice.setReason(reason);
        notice.setRescopingRequired(rescopingRequired);
        notice.setDecidedAt(Objects.requireNonNull(decidedAt, "decidedAt"));
        return notice;
    }
}
