-- Failed console logins by the user name they were made for, whether or not such a user exists (so a lock
-- does not tell which names exist). After gateway.console.lockout-after failures within 15 minutes the name
-- is locked: further attempts are refused without checking a password, for a time that doubles with each
-- failure. Shared by every instance. A success deletes the row; rows a day old are deleted as failures come.
CREATE TABLE console_login_failure (
    username        text        PRIMARY KEY,
    failures        integer     NOT NULL,
    last_failed_at  timestamptz NOT NULL,
    locked_until    timestamptz
);
CREATE INDEX console_login_failure_age ON console_login_failure (last_failed_at);
