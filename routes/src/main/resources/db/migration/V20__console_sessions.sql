-- Console sign-ins, shared by every instance (DESIGN §7: nothing is held only in one instance's memory), so a
-- user signed in through one instance is signed in on all of them, and stays signed in when an instance goes.
-- The browser holds a random 256-bit token in an HttpOnly cookie; only its SHA-256 is stored, so whoever reads
-- this table cannot sign in with what they read. Roles are not copied here: each request reads the user's
-- current ones, so a change of roles applies at the next request. A row ends by signing out, by a password
-- change (the user's other sessions), by idleness or by age (ConsoleSessions); deleting the user ends them all.
CREATE TABLE console_session (
    token_hash    bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    username      text        NOT NULL REFERENCES console_user (username) ON DELETE CASCADE,
    csrf_token    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX console_session_by_user ON console_session (username);
CREATE INDEX console_session_by_last_seen ON console_session (last_seen_at);

-- A session that ends closes its event streams on every instance at once (ConsoleEvents LISTENs).
CREATE FUNCTION notify_console_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('console_session_end', encode(OLD.token_hash, 'hex'));
    RETURN NULL;
END $$;
CREATE TRIGGER console_session_ended AFTER DELETE ON console_session
    FOR EACH ROW EXECUTE FUNCTION notify_console_session_ended();
