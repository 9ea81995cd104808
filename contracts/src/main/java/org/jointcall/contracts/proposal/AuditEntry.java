package org.jointcall.contracts.proposal;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.jointcall.contracts.identifier.AgencyId;

/**
 * A change to a joint proposal that no agency reported: a coordinator reopening a rejected
 * proposal, extending a deadline or updating the research-security step, or the gateway marking a
 * part missing or a track lapsed. Coordinators and auditors read these to see who changed what, when
 * and why.
 *
 * @param at when
 * @param actor the coordinator's user name, or {@link #GATEWAY} for the gateway's own deadline sweep
 * @param action what kind of change
 * @param agency the track concerned, or null for the proposal as a whole
 * @param detail what changed and why, in words
 */
public record AuditEntry(OffsetDateTime at, String actor, Action action, AgencyId agency, String detail) {

    /** The actor name of the gateway's own changes. */
    public static final String GATEWAY = "gateway";

    /** The kinds of change recorded. */
    public enum Action {
        REOPENED,
        DECISION_DEADLINE_EXTENDED,
        RESEARCH_SECURITY_UPDATED,
        PART_MISSING,
        LAPSED
    }

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audit entry names who made the change");
        }
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("an audit entry says why the change was made");
        }
    }
}
