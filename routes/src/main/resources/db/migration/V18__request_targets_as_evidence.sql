-- The target URI of a partner's request as the gateway received it: a signature covers @authority, @path and
-- @query, so the header lines and body alone do not let anyone verify it again. With the URI, a message's
-- evidence (the console's download) is complete: request, body, signature and the key that made it.
-- Rows from before this migration have none: their evidence file says null where the URI would be.
ALTER TABLE exchange_ledger ADD COLUMN request_uri text;
-- The same for a pull agency's first acknowledgement (V17 kept its header lines and verdict).
ALTER TABLE outbox_message ADD COLUMN ack_uri text;
