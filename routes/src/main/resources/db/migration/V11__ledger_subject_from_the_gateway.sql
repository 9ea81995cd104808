-- The gateway now writes exchange_ledger.local_proposal_id and title itself, from the canonical message it
-- has already translated (ledger.ProposalSubject). V7's trigger parsed the stored XML again in PostgreSQL
-- on every inbound insert, inside a subtransaction for its exception handler: work on the hot path that
-- the application had already done. Rows stored before keep the values the trigger or V7 gave them.
DROP TRIGGER exchange_ledger_extract_part ON exchange_ledger;
DROP FUNCTION exchange_ledger_extract_part();
