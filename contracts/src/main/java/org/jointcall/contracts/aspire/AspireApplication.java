package org.jointcall.contracts.aspire;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.v1.ProposalPart;

/**
 * A joint proposal as the ASPIRE intake checks see it: the parts received so far, by agency, and the
 * day the JST part was submitted (which fixes the Japanese fiscal year it counts against).
 *
 * @param jointReference the joint reference all parts carry; applications with the same reference are one application
 * @param callId the call it was submitted to
 * @param submittedOn the day the JST part was submitted
 * @param parts the parts received so far, by agency
 */
public record AspireApplication(String jointReference, String callId, LocalDate submittedOn, Map<AgencyId, ProposalPart> parts) {

    public AspireApplication {
        Objects.requireNonNull(jointReference, "jointReference");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(submittedOn, "submittedOn");
        parts = Map.copyOf(Objects.requireNonNull(parts, "parts"));
    }

    public Optional<ProposalPart> part(AgencyId agency) {
        return Optional.ofNullable(parts.get(agency));
    }

    /** April to March: a day in January 2027 belongs to fiscal year 2026. */
    public int fiscalYear() {
        return fiscalYearOf(submittedOn);
    }

    static int fiscalYearOf(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }
}
