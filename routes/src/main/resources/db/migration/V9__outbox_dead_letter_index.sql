-- Dead letters are counted for /health/ready and /metrics every few seconds and listed for the console;
-- without this the count would read the whole outbox, whose bulk is delivered messages.
CREATE INDEX outbox_message_dead ON outbox_message (created_at) WHERE state = 'DEAD';
