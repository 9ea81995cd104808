-- The request of a message's last push as the gateway sent it: target URI and header lines, among them
-- Content-Digest, Signature-Input and the gateway's Signature.
-- The receipt columns alone are not evidence anyone can check again: a receipt signs over the request's
-- signature ("signature";req), so without that request it cannot be verified.
-- The body is not stored a second time: it is what the recipient's adapter writes from canonical_xml, and the
-- signed Content-Digest proves whether a body written again is byte for byte the one sent (the console checks).
-- In bench/run at 150 msg/s offered, PostgreSQL's CPU per partner message was 5.9 and 6.3 ms with it stored,
-- 4.2, 4.4 and 5.1 ms without.
-- NULL for pull-mode messages, and for messages not pushed yet or whose adapter could not write them.
ALTER TABLE outbox_message
    ADD COLUMN request_uri     text,
    ADD COLUMN request_headers jsonb;
