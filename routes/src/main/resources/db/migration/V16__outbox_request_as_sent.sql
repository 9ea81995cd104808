-- The request of a message's last push, exactly as the gateway sent it: target URI, header lines (among them
-- Content-Digest, Signature-Input and the gateway's Signature) and the partner's native body.
-- The receipt columns alone are not evidence anyone can check again: a receipt signs over the request's
-- signature ("signature";req), so without that request it cannot be verified, and nothing showed which
-- bytes a partner accepted or refused. The console showed a native form written again from the canonical
-- XML, which is what was sent only as long as the adapter writes the same bytes.
-- NULL for pull-mode messages, and for messages not pushed yet or whose adapter could not write them.
ALTER TABLE outbox_message
    ADD COLUMN request_uri     text,
    ADD COLUMN request_headers jsonb,
    ADD COLUMN request_body    bytea;
