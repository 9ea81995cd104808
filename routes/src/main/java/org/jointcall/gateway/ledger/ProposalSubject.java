package org.jointcall.gateway.ledger;

import org.jointcall.contracts.v1.CanonicalMessage;

/**
 * What a partner message says about the agency's own proposal: its local proposal id and, for a proposal
 * part, its title. The ledger stores both beside the message so the console can show and search them
 * without parsing every stored document again.
 */
public final class ProposalSubject {

    private ProposalSubject() {
    }

    /** The sending agency's proposal id, or null for a message about no single proposal. */
    public static String localProposalId(CanonicalMessage message) {
        return switch (message.getKind()) {
            case PROPOSAL_PART -> message.getProposalPart().getLocalProposalId();
            case REVIEW_RESULT -> message.getReviewResult().getLocalProposalId();
            case FUNDING_DECISION -> message.getFundingDecision().getLocalProposalId();
            default -> null;
        };
    }

    /** The proposal's title as a proposal part gives it; null for other messages. */
    public static String title(CanonicalMessage message) {
        return switch (message.getKind()) {
            case PROPOSAL_PART -> message.getProposalPart().getTitle();
            default -> null;
        };
    }
}
