-- The decision worker's queue moves out of exchange_ledger into a narrow table of its own.
--
-- Until now the worker found its work through a partial index on the ledger (processing_state = 'RECEIVED').
-- That made every settle (RECEIVED -> APPLIED/HELD/REFUSED) a non-HOT update: a column in an index predicate
-- changed, so PostgreSQL wrote a new entry into each of the ledger's ten indexes, the title trigram GIN
-- included, for a change no index needed. And the queue scan walked index entries of rows settled since the
-- last vacuum, each on its own page of wide ledger rows: measured with pg_stat_statements at 100 msg/s,
-- 1.2 ms and about 1,100 buffers per claim for 64 candidates.
--
-- Now no ledger index refers to processing_state, so settling is a HOT update (the fillfactor below leaves
-- room for it on the row's page), and the worker scans a table of three small columns.
-- The queue is kept by triggers, not by each writer: it holds exactly the ledger rows whose state is
-- RECEIVED, however the state came to be set (an inbound insert, a settle, held messages put back).
CREATE TABLE decision_queue (
  ledger_id       bigint PRIMARY KEY,
  call_id         text,
  joint_reference text
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0);

INSERT INTO decision_queue (ledger_id, call_id, joint_reference)
SELECT ledger_id, call_id, joint_reference FROM exchange_ledger WHERE processing_state = 'RECEIVED';

CREATE FUNCTION decision_queue_follow_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.processing_state = 'RECEIVED' THEN
    INSERT INTO decision_queue (ledger_id, call_id, joint_reference) VALUES (NEW.ledger_id, NEW.call_id, NEW.joint_reference)
      ON CONFLICT (ledger_id) DO NOTHING;
  ELSE
    DELETE FROM decision_queue WHERE ledger_id = NEW.ledger_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER exchange_ledger_queued AFTER INSERT ON exchange_ledger
  FOR EACH ROW WHEN (NEW.processing_state = 'RECEIVED') EXECUTE FUNCTION decision_queue_follow_ledger();
CREATE TRIGGER exchange_ledger_state_changed AFTER UPDATE OF processing_state ON exchange_ledger
  FOR EACH ROW WHEN (OLD.processing_state IS DISTINCT FROM NEW.processing_state) EXECUTE FUNCTION decision_queue_follow_ledger();

DROP INDEX exchange_ledger_to_process;

-- Room on each new page for a row's settled version (rows already stored keep their pages as they are).
ALTER TABLE exchange_ledger SET (fillfactor = 70);
