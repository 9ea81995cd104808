package org.jointcall.gateway.ledger;

import java.util.ArrayList;
import java.util.List;

import org.jointcall.contracts.identifier.ERadNumber;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.Person;
import org.jointcall.contracts.v1.PersonRole;
import org.jointcall.contracts.v1.ProposalPart;

/**
 * What a partner message says about the agency's own proposal: its local proposal id and, for a proposal
 * part, its title and lead researchers. The ledger stores them beside the message so the console can
 * show and search them without parsing every stored document again.
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

    /**
     * The PI and co-PIs a proposal part names, each as {@code ORCID:<iD>} and {@code E_RAD:<number>} for
     * the identifiers it carries: the keys on which ASPIRE's one-application-per-researcher rule finds a
     * researcher's other applications ({@code AspireCallRules} judges the candidates). Null for other
     * messages. V15's backfill derives the same keys from stored XML; the two must agree.
     */
    public static List<String> leadResearchers(CanonicalMessage message) {
        return message.getKind() == MessageKind.PROPOSAL_PART ? leadResearchers(message.getProposalPart()) : null;
    }

    /** The keys of the PI and co-PIs {@code part} names, as {@link #leadResearchers(CanonicalMessage)}. */
    public static List<String> leadResearchers(ProposalPart part) {
        List<String> keys = new ArrayList<>();
        for (Person person : part.getPersons()) {
            if (person.getRole() != PersonRole.PI && person.getRole() != PersonRole.CO_PI) {
                continue;
            }
            if (person.getOrcid() != null) {
                keys.add("ORCID:" + person.getOrcid());
            }
            if (person.getResearcherNumber() != null && ERadNumber.SCHEME.equals(person.getResearcherNumber().getScheme())) {
                keys.add(ERadNumber.SCHEME + ":" + person.getResearcherNumber().getValue());
            }
        }
        return List.copyOf(keys);
    }
}
