-- The coordinator console (issue 6): its users, its audit trail, coordinators' notes, dead-letter
-- resolutions, live-update notifications, and the columns and indexes its queries need on tables
-- that grow to millions of rows.

-- Console users. password_hash is Jakarta Security's Pbkdf2PasswordHash format
-- (algorithm:iterations:salt:hash), never a password.
CREATE TABLE console_user (
    username       text        PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash  text        NOT NULL,
    roles          text[]      NOT NULL CHECK (roles <@ ARRAY['coordinator', 'administrator', 'auditor']::text[]
                                               AND cardinality(roles) > 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Every state-changing console action, appended and never updated; newest first for the audit page.
CREATE TABLE console_audit (
    audit_id  bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text        NOT NULL,
    action    text        NOT NULL,
    subject   text        NOT NULL,
    detail    text
);

-- Coordinators' notes on a joint proposal.
CREATE TABLE proposal_annotation (
    annotation_id  bigserial   PRIMARY KEY,
    joint_id       uuid        NOT NULL REFERENCES joint_proposal (joint_id) ON DELETE CASCADE,
    at             timestamptz NOT NULL DEFAULT now(),
    author         text        NOT NULL,
    text           text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000)
);
CREATE INDEX proposal_annotation_by_joint ON proposal_annotation (joint_id, at);

-- A coordinator's statement that a dead letter needs nothing more (handled outside the gateway).
-- Kept apart from outbox_message, whose columns belong to delivery.
CREATE TABLE dead_letter_resolution (
    outbox_id    bigint      PRIMARY KEY REFERENCES outbox_message (outbox_id) ON DELETE CASCADE,
    resolved_by  text        NOT NULL,
    resolved_at  timestamptz NOT NULL DEFAULT now(),
    comment      text        NOT NULL
);

-- The matrix shows each agency's local proposal id and the proposal's title. Both live inside the
-- canonical XML; the database extracts them once when a part arrives, so a page of the matrix reads
-- two columns instead of parsing XML for every row.
ALTER TABLE exchange_ledger ADD COLUMN local_proposal_id text, ADD COLUMN title text;

CREATE FUNCTION exchange_ledger_extract_part() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    document xml;
BEGIN
    IF NEW.kind IN ('PROPOSAL_PART', 'REVIEW_RESULT', 'FUNDING_DECISION') THEN
        document := convert_from(NEW.canonical_xml, 'UTF8')::xml;
        NEW.local_proposal_id := (xpath('/*/*/*[local-name()=''localProposalId'']/text()', document))[1]::text;
        NEW.title := (xpath('/*/*[local-name()=''proposalPart'']/*[local-name()=''title'']/text()', document))[1]::text;
    END IF;
    RETURN NEW;
EXCEPTION WHEN others THEN
    -- Display columns only: a message the gateway accepted is never refused because of them.
    RETURN NEW;
END $$;

CREATE TRIGGER exchange_ledger_extract_part BEFORE INSERT ON exchange_ledger
    FOR EACH ROW EXECUTE FUNCTION exchange_ledger_extract_part();

-- Rows stored before this migration.
UPDATE exchange_ledger
   SET local_proposal_id = (xpath('/*/*/*[local-name()=''localProposalId'']/text()', convert_from(canonical_xml, 'UTF8')::xml))[1]::text,
       title = (xpath('/*/*[local-name()=''proposalPart'']/*[local-name()=''title'']/text()', convert_from(canonical_xml, 'UTF8')::xml))[1]::text
 WHERE kind IN ('PROPOSAL_PART', 'REVIEW_RESULT', 'FUNDING_DECISION');

-- Exchange log: newest first over the union of inbound ledger and outbound outbox, each filter
-- served by an index whose order is the page order (keyset pagination, never OFFSET).
CREATE INDEX exchange_ledger_log ON exchange_ledger (received_at DESC, ledger_id DESC);
CREATE INDEX exchange_ledger_log_by_agency ON exchange_ledger (agency, received_at DESC, ledger_id DESC);
CREATE INDEX exchange_ledger_log_by_kind ON exchange_ledger (kind, received_at DESC, ledger_id DESC);
CREATE INDEX exchange_ledger_by_message_id ON exchange_ledger (message_id);
CREATE INDEX exchange_ledger_by_reference ON exchange_ledger (joint_reference text_pattern_ops, received_at DESC);
CREATE INDEX exchange_ledger_by_proposal ON exchange_ledger (call_id, joint_reference, agency, received_at DESC);
CREATE INDEX outbox_message_log ON outbox_message (created_at DESC, outbox_id DESC);
CREATE INDEX outbox_message_log_by_recipient ON outbox_message (recipient, created_at DESC, outbox_id DESC);

-- Matrix: a call's proposals in each sort order, and the counts per joint state.
CREATE INDEX joint_proposal_by_call_state ON joint_proposal (call_id, joint_status, joint_reference);
CREATE INDEX joint_proposal_by_call_updated ON joint_proposal (call_id, updated_at, joint_id);

-- Live updates: every instance LISTENs; a change committed by any instance reaches all of them.
-- The payload is the joint id only; listeners read the current state themselves.
CREATE FUNCTION notify_proposal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('console_proposal', NEW.joint_id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER joint_proposal_changed AFTER INSERT OR UPDATE ON joint_proposal
    FOR EACH ROW EXECUTE FUNCTION notify_proposal_changed();

CREATE FUNCTION notify_alert_raised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('console_alert', NEW.id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER alert_changed AFTER INSERT OR UPDATE ON alert
    FOR EACH ROW EXECUTE FUNCTION notify_alert_raised();
