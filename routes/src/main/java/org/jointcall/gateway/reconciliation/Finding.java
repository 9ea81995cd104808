package org.jointcall.gateway.reconciliation;

import java.util.Objects;
import java.util.UUID;

/**
 * One difference a reconciliation run found, before it is recorded as a {@link Discrepancy}. Its
 * {@link #key()} is what makes it "the same finding" on the next run.
 *
 * @param localProposalId the agency's own id of its part, when known
 * @param gatewayState    what the gateway holds (its track state), when there is one
 * @param partnerState    what the agency reported, when it reported a state
 * @param detail          a sentence for the coordinator: what differs and what it probably means
 */
public record Finding(String agency, UUID jointId, String jointReference, String localProposalId, DiscrepancyKind kind,
        String gatewayState, String partnerState, String detail) {

    /** One open discrepancy per agency, proposal and kind. */
    public record Key(String agency, UUID jointId, DiscrepancyKind kind) {
    }

    public Finding {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(jointId, "jointId");
        Objects.requireNonNull(jointReference, "jointReference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public Key key() {
        return new Key(agency, jointId, kind);
    }
}
