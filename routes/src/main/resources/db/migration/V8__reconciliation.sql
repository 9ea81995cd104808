-- Reconciliation (issue 5): what an agency reports about its part of a joint proposal, compared
-- with what the gateway holds (package org.jointcall.gateway.reconciliation).

-- One finding per row. The partial unique index keeps one OPEN row per (agency, proposal, kind):
-- a finding seen again on the next run updates last_seen_at (and the states it saw) instead of
-- adding a row, on any number of instances. A finding that is no longer made is closed by the
-- reconciliation itself (resolved_by 'reconciliation'); a coordinator closes one with a comment.
CREATE TABLE discrepancy (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency              text        NOT NULL,
    joint_id            uuid        NOT NULL REFERENCES joint_proposal (joint_id) ON DELETE CASCADE,
    local_proposal_id   text,
    kind                text        NOT NULL CHECK (kind IN ('STATE_MISMATCH', 'UNKNOWN_AT_PARTNER', 'UNACKNOWLEDGED')),
    gateway_state       text,
    partner_state       text,
    detail              text        NOT NULL,
    detected_at         timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    resolved_at         timestamptz,
    resolved_by         text,
    resolution_comment  text,
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)),
    CHECK (last_seen_at >= detected_at)
);

CREATE UNIQUE INDEX discrepancy_open_once ON discrepancy (agency, joint_id, kind) WHERE resolved_at IS NULL;
CREATE INDEX discrepancy_newest_first ON discrepancy (detected_at DESC, id DESC);

-- One row per reconciliation run, whichever instance made it: when, and what it counted. Runs
-- never overlap (a PostgreSQL advisory lock), and an instance skips its turn when another one ran
-- within the last half period, so partners are asked once per period however many instances run.
CREATE TABLE reconciliation_run (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instance_id      text        NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    tracks_checked   integer     NOT NULL DEFAULT 0,
    agreed           integer     NOT NULL DEFAULT 0,
    found            integer     NOT NULL DEFAULT 0,
    opened           integer     NOT NULL DEFAULT 0,
    closed           integer     NOT NULL DEFAULT 0,
    unreachable      integer     NOT NULL DEFAULT 0,
    detail           text
);

CREATE INDEX reconciliation_run_latest ON reconciliation_run (started_at DESC);

-- When a message was put into a pull agency's inbox, so reconciliation can tell how long it has
-- waited for an acknowledgement. Rows offered before this migration: next_attempt_at was set then.
ALTER TABLE outbox_message ADD COLUMN offered_at timestamptz;
UPDATE outbox_message SET offered_at = next_attempt_at WHERE pull_sequence IS NOT NULL;
CREATE INDEX outbox_message_unacknowledged ON outbox_message (offered_at) WHERE state = 'AWAITING_PULL';
