-- A pull agency's evidence of receipt: its signed acknowledgement request (header lines, among them its
-- Signature-Input and Signature) and what verifying it established, kept from the first acknowledgement.
-- Pushed messages keep the request sent and the partner's signed receipt instead (V16).
ALTER TABLE outbox_message
    ADD COLUMN ack_headers jsonb,
    ADD COLUMN ack_verdict jsonb;
