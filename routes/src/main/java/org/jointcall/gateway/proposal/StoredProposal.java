package org.jointcall.gateway.proposal;

import java.util.Objects;

import org.jointcall.contracts.proposal.JointProposal;

/**
 * A joint proposal as read from the database, with the version it had: the version to state when
 * storing a change, so that a change based on an outdated read is refused instead of overwriting
 * what another instance stored meanwhile.
 */
public record StoredProposal(JointProposal proposal, long version) {

    public StoredProposal {
        Objects.requireNonNull(proposal, "proposal");
        if (version < 1) {
            throw new IllegalArgumentException("joint proposal " + proposal.id() + ": stored versions start at 1, not " + version);
        }
    }
}
