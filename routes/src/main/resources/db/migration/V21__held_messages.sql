-- Messages held (waiting, e.g., for the proposal part they refer to) and since when, for the MESSAGES_HELD alert
-- (alert.HeldMessageAlerts). The ledger cannot be searched for them: no ledger index may name processing_state,
-- or settling would stop being a HOT update (V12), and a scan of the whole ledger every 30 s grows with it.
-- A row comes when a message is first held and stays while it is requeued and held again, so held_since is when
-- it first began to wait. The alert check deletes the rows of messages applied or refused since, so the trigger
-- fires only on the rare move to HELD and costs the messages that are applied at once nothing.
CREATE TABLE held_message (
  ledger_id   bigint      PRIMARY KEY REFERENCES exchange_ledger (ledger_id) ON DELETE CASCADE,
  held_since  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO held_message (ledger_id, held_since)
SELECT ledger_id, coalesce(processed_at, received_at) FROM exchange_ledger WHERE processing_state = 'HELD';

CREATE FUNCTION held_message_follow_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO held_message (ledger_id) VALUES (NEW.ledger_id) ON CONFLICT (ledger_id) DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER exchange_ledger_held AFTER UPDATE OF processing_state ON exchange_ledger
  FOR EACH ROW WHEN (NEW.processing_state = 'HELD' AND OLD.processing_state IS DISTINCT FROM 'HELD')
  EXECUTE FUNCTION held_message_follow_ledger();
