-- Messages the gateway causes by itself (the deadline sweep lapsing tracks) have no ledger message
-- behind them: caused_by is then null, and dedup_key names the proposal version that caused them.
ALTER TABLE outbox_message ALTER COLUMN caused_by DROP NOT NULL;
