-- Conditions an operator must act on (a partner key about to expire, …), raised by the gateway and
-- shown by the console. An alert is open until resolved_at is set; the partial unique index keeps
-- one open alert per (kind, subject), so a check that runs every hour raises it once.
CREATE TABLE alert (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        VARCHAR(40)  NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    severity    VARCHAR(10)  NOT NULL CHECK (severity IN ('WARNING', 'CRITICAL')),
    detail      TEXT         NOT NULL,
    raised_at   TIMESTAMPTZ  NOT NULL,
    resolved_at TIMESTAMPTZ,
    CHECK (resolved_at IS NULL OR resolved_at >= raised_at)
);

CREATE UNIQUE INDEX alert_open_once ON alert (kind, subject) WHERE resolved_at IS NULL;
