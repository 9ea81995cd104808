-- The matrix's title search moves from the ledger to the proposal. V10 let it find the proposal parts
-- whose title matches through a trigram index on exchange_ledger.title, then hash their references:
-- a word found in nearly every title handed back every part ever received (250,000 in
-- bench/console-queries, p95 1.2 s). joint_proposal.part_titles holds each distinct title its parts
-- carried, one per line (the decision worker adds a part's title as it settles the part), so the search
-- is bounded by the call's proposals instead.
ALTER TABLE joint_proposal ADD COLUMN part_titles text NOT NULL DEFAULT '';

-- Proposals stored before this version: the titles of every part the ledger holds for them, as V10 searched.
UPDATE joint_proposal p
   SET part_titles = t.titles
  FROM (SELECT call_id, joint_reference, string_agg(DISTINCT title, E'\n') AS titles
          FROM exchange_ledger
         WHERE kind = 'PROPOSAL_PART' AND title IS NOT NULL AND title <> '' AND call_id IS NOT NULL
         GROUP BY call_id, joint_reference) t
 WHERE p.call_id = t.call_id AND p.joint_reference = t.joint_reference;

CREATE INDEX joint_proposal_part_titles_trgm ON joint_proposal USING gin (part_titles gin_trgm_ops);

-- Nothing searches the ledger's titles any more, and its GIN index cost every proposal part's insert.
DROP INDEX exchange_ledger_title_trgm;
