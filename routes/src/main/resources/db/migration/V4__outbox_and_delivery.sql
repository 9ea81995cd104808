-- The transactional outbox and its delivery (packages org.jointcall.gateway.decision and .delivery).
-- Every message the gateway sends is a row here, written in the same transaction as the state change
-- that caused it; delivery workers of every instance share these tables, so nothing lives only in
-- one instance's memory.

-- One canonical message to one agency. dedup_key (cause, kind, recipient) makes applying the same
-- ledger message twice produce no second message. message_id is the gateway's envelope messageId:
-- the partner's idempotency key, the same on every attempt and every resend.
CREATE TABLE outbox_message (
    outbox_id         bigserial   PRIMARY KEY,
    message_id        text        NOT NULL UNIQUE,
    recipient         text        NOT NULL,
    kind              text        NOT NULL,
    joint_id          uuid        NOT NULL REFERENCES joint_proposal (joint_id),
    caused_by         bigint      NOT NULL,  -- exchange_ledger.ledger_id of the message that caused it
    dedup_key         text        NOT NULL,
    canonical_xml     bytea       NOT NULL,
    state             text        NOT NULL DEFAULT 'PENDING'
                      CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD', 'AWAITING_PULL', 'ACKNOWLEDGED')),
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    last_error        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    delivered_at      timestamptz,
    -- Non-repudiation evidence: the partner's signed receipt exactly as received and what its verification established.
    receipt_status    integer,
    receipt_headers   jsonb,
    receipt_body      bytea,
    receipt_verdict   jsonb,
    -- Pull mode: the inbox cursor position, assigned in commit order when the message is offered.
    pull_sequence     bigint      UNIQUE,
    CONSTRAINT one_message_per_cause_and_recipient UNIQUE (dedup_key)
);

CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX outbox_message_inbox ON outbox_message (recipient, pull_sequence) WHERE state = 'AWAITING_PULL';
CREATE INDEX outbox_message_by_joint ON outbox_message (joint_id);

CREATE SEQUENCE outbox_pull_sequence;

-- Every push attempt, for operators and the console: who tried, when, what the partner said.
CREATE TABLE delivery_attempt (
    outbox_id    bigint      NOT NULL REFERENCES outbox_message (outbox_id) ON DELETE CASCADE,
    attempt      integer     NOT NULL,
    instance_id  text        NOT NULL,
    started_at   timestamptz NOT NULL,
    duration_ms  integer     NOT NULL,
    http_status  integer,
    outcome      text        NOT NULL,   -- DELIVERED | FAILED | DEAD
    error        text,
    PRIMARY KEY (outbox_id, attempt)
);

-- One circuit breaker per partner, shared by all instances: after enough consecutive failures no
-- instance calls the partner until open_until; then one trial call (HALF_OPEN) decides.
CREATE TABLE partner_circuit (
    agency                text        PRIMARY KEY,
    state                 text        NOT NULL DEFAULT 'CLOSED' CHECK (state IN ('CLOSED', 'OPEN', 'HALF_OPEN')),
    consecutive_failures  integer     NOT NULL DEFAULT 0,
    open_until            timestamptz,
    updated_at            timestamptz NOT NULL DEFAULT now()
);
