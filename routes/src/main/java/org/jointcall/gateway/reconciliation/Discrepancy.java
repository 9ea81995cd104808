package org.jointcall.gateway.reconciliation;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A difference between what an agency reports and what the gateway holds, as coordinators see it:
 * detected by a reconciliation run, seen again on later runs ({@code lastSeenAt}) for as long as it
 * lasts, and then resolved — by reconciliation itself when the difference went away, or by a
 * coordinator with a comment.
 */
public record Discrepancy(long id, String agency, UUID jointId, String jointReference, String localProposalId,
        DiscrepancyKind kind, String gatewayState, String partnerState, String detail, OffsetDateTime detectedAt,
        OffsetDateTime lastSeenAt, Optional<Resolution> resolution) {

    /** Who closed a discrepancy, when and why; {@value Discrepancies#RECONCILIATION} when it went away by itself. */
    public record Resolution(String by, OffsetDateTime at, String comment) {
    }

    /** The alert kind raised for a new discrepancy. */
    public static final String ALERT_KIND = "DISCREPANCY";

    public Discrepancy {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(jointId, "jointId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resolution, "resolution");
    }

    public boolean resolved() {
        return resolution.isPresent();
    }

    /** The subject of its alert: names this discrepancy, so the alert stays open exactly as long as it does. */
    public String alertSubject() {
        String subject = "#" + id + " " + agency + " " + kind + " " + jointReference;
        return subject.length() <= 200 ? subject : subject.substring(0, 200);
    }
}
