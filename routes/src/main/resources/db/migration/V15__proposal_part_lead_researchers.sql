-- ASPIRE allows one application per researcher (as PI or co-PI) per fiscal year across all its calls. To
-- judge that, the console's rule check needs the researcher's other applications, from any call. Each
-- proposal part's row now carries the keys of the PI and co-PIs it names ('ORCID:<iD>', 'E_RAD:<number>',
-- written by the gateway as it accepts the part: ProposalSubject.leadResearchers), and a GIN index finds
-- the parts that share one. Null for every other kind of message, which the index leaves out.
ALTER TABLE exchange_ledger ADD COLUMN lead_researchers text[];

-- Proposal parts received before this version: the same keys, read from their stored canonical XML (a row
-- whose XML does not parse keeps null rather than stopping the upgrade).
UPDATE exchange_ledger l
   SET lead_researchers = ARRAY(
         SELECT key FROM (
           SELECT 1 AS person, 'ORCID:' || btrim(id::text) AS key
             FROM unnest(xpath('/c:message/c:proposalPart/c:person[c:role="PI" or c:role="CO_PI"]/c:orcid/text()',
                               d.doc, d.ns)) AS id
           UNION ALL
           SELECT 2, 'E_RAD:' || btrim(id::text)
             FROM unnest(xpath('/c:message/c:proposalPart/c:person[c:role="PI" or c:role="CO_PI"]/c:researcherNumber[@scheme="E_RAD"]/text()',
                               d.doc, d.ns)) AS id) keys
         ORDER BY person)
  FROM (SELECT ledger_id, convert_from(canonical_xml, 'UTF8')::xml AS doc,
               ARRAY[ARRAY['c', 'urn:jointcall:canonical:v1']] AS ns
          FROM exchange_ledger
         WHERE kind = 'PROPOSAL_PART' AND xml_is_well_formed_document(convert_from(canonical_xml, 'UTF8'))) d
 WHERE l.ledger_id = d.ledger_id;

CREATE INDEX exchange_ledger_lead_researchers ON exchange_ledger USING gin (lead_researchers)
 WHERE lead_researchers IS NOT NULL;
