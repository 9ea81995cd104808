-- Inbound exchange (issue 5) and signed partner API (issue 4).

-- Every message a partner agency sent and the gateway accepted, exactly as received, with the
-- signature evidence and the signed 202 receipt that acknowledged it. (agency, message_id) is the
-- idempotency key: the unique constraint, not application code, decides between two concurrent
-- copies of one message. The decision worker claims RECEIVED rows (FOR UPDATE SKIP LOCKED).
CREATE TABLE exchange_ledger (
  ledger_id          bigserial   PRIMARY KEY,
  agency             text        NOT NULL,
  message_id         text        NOT NULL,
  kind               text        NOT NULL,
  joint_reference    text,
  call_id            text,
  media_type         text        NOT NULL,
  body               bytea       NOT NULL,
  body_digest        text        NOT NULL,
  request_headers    jsonb       NOT NULL,
  signature_input    text        NOT NULL,
  signature          text        NOT NULL,
  key_id             text        NOT NULL,
  algorithm          text        NOT NULL,
  verdict            jsonb       NOT NULL,
  canonical_xml      bytea       NOT NULL,
  translation_report jsonb,
  receipt_status     integer     NOT NULL,
  receipt_headers    jsonb       NOT NULL,
  receipt_body       bytea       NOT NULL,
  received_at        timestamptz NOT NULL DEFAULT now(),
  processing_state   text        NOT NULL DEFAULT 'RECEIVED'
                                 CHECK (processing_state IN ('RECEIVED', 'APPLIED', 'HELD', 'REFUSED')),
  processing_detail  text,
  processed_at       timestamptz,
  CONSTRAINT message_once_per_agency UNIQUE (agency, message_id)
);
CREATE INDEX exchange_ledger_to_process ON exchange_ledger (ledger_id) WHERE processing_state = 'RECEIVED';

-- Nonces of accepted request signatures, shared by every instance: a captured request cannot be
-- played again, here or elsewhere. A row is needed only until the signature expires; a timer purges
-- older ones.
CREATE TABLE signature_nonce (
  key_id      text        NOT NULL,
  nonce       text        NOT NULL,
  expires_at  timestamptz NOT NULL,
  PRIMARY KEY (key_id, nonce)
);
CREATE INDEX signature_nonce_expiry ON signature_nonce (expires_at);

-- The security log: every refused inbound request (bad signature, replay, unknown agency, …),
-- never in the ledger. message_digest is the sha-256 of the received body, when it was read.
CREATE TABLE security_event (
  event_id        bigserial   PRIMARY KEY,
  occurred_at     timestamptz NOT NULL DEFAULT now(),
  agency          text,
  remote_address  text,
  problem_type    text        NOT NULL,
  status          integer     NOT NULL,
  detail          text        NOT NULL,
  key_id          text,
  message_digest  text
);
CREATE INDEX security_event_time ON security_event (occurred_at);
