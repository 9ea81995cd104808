-- The decision worker reads a joint proposal's applied messages (to build the consolidated record) and
-- re-queues its held ones for every message it applies; without this index both scanned the whole ledger,
-- so applying got slower as the ledger grew (bench/ found it).
CREATE INDEX exchange_ledger_by_proposal ON exchange_ledger (call_id, joint_reference);
