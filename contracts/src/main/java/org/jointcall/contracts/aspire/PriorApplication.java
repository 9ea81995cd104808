package org.jointcall.contracts.aspire;

import java.time.LocalDate;
import java.util.Objects;
import org.jointcall.contracts.v1.ProposalPart;

/**
 * Another ASPIRE application already on file (any ASPIRE call), for the rule that a researcher
 * applies at most once per fiscal year as PI or Co-PI.
 *
 * @param jointReference its joint reference
 * @param callId the ASPIRE call it went to
 * @param submittedOn the day its JST part was submitted
 * @param jstPart its JST part, whose PI and Co-PIs count
 */
public record PriorApplication(String jointReference, String callId, LocalDate submittedOn, ProposalPart jstPart) {

    public PriorApplication {
        Objects.requireNonNull(jointReference, "jointReference");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(submittedOn, "submittedOn");
        Objects.requireNonNull(jstPart, "jstPart");
    }

    int fiscalYear() {
        return AspireApplication.fiscalYearOf(submittedOn);
    }
}
