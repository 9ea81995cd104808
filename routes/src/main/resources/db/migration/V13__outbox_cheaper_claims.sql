-- Fewer index writes per outbox message, the bulk of the database's work under load: each message is
-- inserted, claimed and marked delivered, and every non-HOT update writes an entry into each of the
-- outbox's indexes again.

-- The claim used to lease a message by moving next_attempt_at, which the due index holds, so every claim
-- was a non-HOT update. The lease is now a column of its own that no index holds: the claim updates the row
-- in place. Leased messages stay at the front of the due index until their push is recorded; the claim steps
-- over them (at most delivery concurrency + batch size rows per instance). Leases taken before this migration
-- moved next_attempt_at, so those messages simply stay due later, as they were.
ALTER TABLE outbox_message ADD COLUMN leased_until timestamptz;

-- dedup_key said the same as message_id: both are made from the cause, the kind and the recipient alone
-- (delivery.MessageCause), so the unique message id already keeps a message from being added twice.
ALTER TABLE outbox_message DROP CONSTRAINT one_message_per_cause_and_recipient;
ALTER TABLE outbox_message DROP COLUMN dedup_key;

-- Only pull-mode messages get a pull sequence; the unique index need not list every pushed message's NULL.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_pull_sequence_key;
CREATE UNIQUE INDEX outbox_message_pull_sequence ON outbox_message (pull_sequence) WHERE pull_sequence IS NOT NULL;

-- An in-place update needs room for the row's new version on its page. The canonical XML (about 3 KB, 1.2 KB
-- compressed) made a row fill a sixth of a page and every update copy it; stored out of line from 256 bytes
-- on, a row is a few hundred bytes and an update copies only those. Applies to rows written from now on.
ALTER TABLE outbox_message SET (fillfactor = 80, toast_tuple_target = 256);
