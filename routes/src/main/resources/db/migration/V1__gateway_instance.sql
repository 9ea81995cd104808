-- Every gateway instance that has run against this database and when it last said it was alive.
-- Several instances share one database; this is where an operator (and the console) sees them.
CREATE TABLE gateway_instance (
    instance_id   text        PRIMARY KEY,
    host          text        NOT NULL,
    version       text        NOT NULL,
    started_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL
);
