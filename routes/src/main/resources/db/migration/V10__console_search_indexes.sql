-- The console's free-text searches (issue 6). The matrix's q is a substring of the joint reference or
-- of a proposal part's title, which a b-tree cannot serve: trigram GIN indexes can. pg_trgm is a
-- trusted extension (PostgreSQL 13 and later), so the gateway's own database user may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX joint_proposal_reference_trgm ON joint_proposal USING gin (joint_reference gin_trgm_ops);
-- Only proposal parts carry the title the matrix searches.
CREATE INDEX exchange_ledger_title_trgm ON exchange_ledger USING gin (title gin_trgm_ops) WHERE kind = 'PROPOSAL_PART';

-- The exchange log's q matches outbound messages by their proposal's reference prefix: find the
-- proposals first (the unique (call_id, joint_reference) index cannot serve a prefix without the call).
CREATE INDEX joint_proposal_reference_prefix ON joint_proposal (joint_reference text_pattern_ops);
