package org.jointcall.contracts.proposal;

/**
 * Where a proposal stands in the research-security step that quantum and semiconductor proposals
 * pass since 2025 (collaborators, subcontractors, risk mitigation). Visible to JST coordinators
 * only: it is part of no canonical message, so it can never reach a partner agency.
 */
public enum ResearchSecurityStatus {
    /** The call's field does not require the step. */
    NOT_REQUIRED,
    /** Waiting for the applicants' information on collaborators and subcontractors. */
    AWAITING_INFORMATION,
    UNDER_ASSESSMENT,
    CLEARED,
    /** Cleared on condition of the risk-mitigation measures agreed with the applicants. */
    MITIGATION_REQUIRED,
    NOT_CLEARED
}
