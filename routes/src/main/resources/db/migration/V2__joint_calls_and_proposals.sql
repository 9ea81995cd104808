-- The joint-call domain (contracts: CallTerms, JointProposal, AgencyTrack, AuditEntry).
-- Times an agency or coordinator stated keep their UTC offset in a *_offset column (seconds), so a
-- proposal reloads exactly as it was stored; the timestamptz column is the instant, for queries.

-- A joint call: its canonical definition (the JointCall document, XML) exactly as configured, plus
-- the columns queries and the deadline sweep need.
CREATE TABLE joint_call (
    call_id                     text        PRIMARY KEY,
    programme                   text,
    field                       text        NOT NULL,
    decision_mode               text        NOT NULL,
    parallel_submission_closes  timestamptz,
    decision_deadline           timestamptz NOT NULL,
    definition                  text        NOT NULL,
    updated_at                  timestamptz NOT NULL DEFAULT now()
);

-- One research project proposed jointly to several agencies. `version` is the optimistic lock:
-- every update states the version it read and fails if another instance stored a newer one.
-- joint_status is the outcome JointOutcomePolicy computed when the row was written (for the
-- console and queries; the domain always recomputes it from the tracks).
CREATE TABLE joint_proposal (
    joint_id              uuid        PRIMARY KEY,
    call_id               text        NOT NULL REFERENCES joint_call (call_id),
    joint_reference       text        NOT NULL,
    self_funded_partners  text[]      NOT NULL DEFAULT '{}',
    research_security     text        NOT NULL,
    joint_status          text        NOT NULL,
    version               bigint      NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT joint_reference_once_per_call UNIQUE (call_id, joint_reference)
);

-- One agency's part of a joint proposal.
CREATE TABLE agency_track (
    joint_id                           uuid        NOT NULL REFERENCES joint_proposal (joint_id) ON DELETE CASCADE,
    agency                             text        NOT NULL,
    role                               text        NOT NULL,
    required                           boolean     NOT NULL,
    state                              text        NOT NULL,
    last_sequence                      bigint      NOT NULL,
    state_reason                       text,
    updated_at                         timestamptz,
    updated_at_offset                  integer,
    extended_decision_deadline         timestamptz,
    extended_decision_deadline_offset  integer,
    PRIMARY KEY (joint_id, agency)
);

CREATE INDEX agency_track_by_state ON agency_track (state);

-- Coordinator and gateway changes to a joint proposal, oldest first; never updated, only appended.
CREATE TABLE proposal_audit (
    joint_id   uuid        NOT NULL REFERENCES joint_proposal (joint_id) ON DELETE CASCADE,
    position   integer     NOT NULL,
    at         timestamptz NOT NULL,
    at_offset  integer     NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL,
    agency     text,
    detail     text        NOT NULL,
    PRIMARY KEY (joint_id, position)
);
