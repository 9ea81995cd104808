package org.jointcall.bench.console;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills a migrated gateway database with production-sized history for the console's queries: 10,000
 * joint proposals of the four-agency call with their tracks (a realistic spread of joint and track
 * states), 1,000,000 inbound ledger rows over half a year (parts, reviews and decisions of every
 * agency, already applied) and 200,000 outbound outbox rows. Generated in PostgreSQL with
 * generate_series: seconds, not an hour of signed HTTP.
 */
final class ConsoleSeed {

    static final String CALL = "ASPIRE-2026-QUAD";
    static final int PROPOSALS = 10_000;
    static final int LEDGER_ROWS = 1_000_000;
    static final int OUTBOX_ROWS = 200_000;

    private ConsoleSeed() {
    }

    static void seed(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO joint_proposal (joint_id, call_id, joint_reference, research_security, joint_status, version,
                                                created_at, updated_at)
                    SELECT md5('proposal' || i)::uuid, '%s', 'BENCH-' || lpad(i::text, 5, '0'), 'NOT_REQUIRED',
                           (ARRAY['PENDING','PENDING','PENDING','APPROVED','REJECTED','AWARDED'])[1 + i %% 6], 1,
                           now() - (i || ' minutes')::interval, now() - (((i * 7919) %% 250000) || ' seconds')::interval
                      FROM generate_series(1, %d) i
                    """.formatted(CALL, PROPOSALS));
            sql.execute("""
                    INSERT INTO agency_track (joint_id, agency, role, required, state, last_sequence, updated_at, updated_at_offset)
                    SELECT p.joint_id, a.agency, 'PARTNER', true,
                           CASE p.joint_status
                               WHEN 'APPROVED' THEN 'APPROVED'
                               WHEN 'AWARDED' THEN 'AWARDED'
                               WHEN 'REJECTED' THEN CASE WHEN a.agency = (ARRAY['DFG','NSF','NWO','UKRI'])[1 + abs(hashtext(p.joint_reference)) %% 4]
                                                         THEN 'DECLINED' ELSE 'UNDER_REVIEW' END
                               ELSE (ARRAY['SUBMITTED','ELIGIBLE','UNDER_REVIEW','RECOMMENDED','AWAITING_DECISION'])
                                    [1 + abs(hashtext(p.joint_reference || a.agency)) %% 5]
                           END,
                           3, p.updated_at, 0
                      FROM joint_proposal p CROSS JOIN (VALUES ('DFG'), ('NSF'), ('NWO'), ('UKRI')) a (agency)
                     WHERE p.call_id = '%s'
                    """.formatted(CALL));
            sql.execute("""
                    INSERT INTO exchange_ledger (agency, message_id, kind, joint_reference, call_id, media_type, body, body_digest,
                                                 request_headers, signature_input, signature, key_id, algorithm, verdict,
                                                 canonical_xml, receipt_status, receipt_headers, receipt_body, received_at,
                                                 processing_state, processed_at, local_proposal_id, title)
                    SELECT agency, lower(agency) || '-bench-' || i, kind, 'BENCH-' || lpad((1 + i %% %2$d)::text, 5, '0'), '%1$s',
                           'application/json', convert_to('{"bench":' || i || '}', 'UTF8'), 'sha-256=:bench:',
                           '{"content-type":["application/json"]}', 'sig1=("@method" "@path");created=1', 'sig1=:bench:',
                           lower(agency) || '-2026', 'ecdsa-p256-sha256', ('{"agency":"' || agency || '"}')::jsonb,
                           convert_to('<message xmlns="urn:jointcall:canonical:v1"><kind>' || kind || '</kind></message>', 'UTF8'),
                           202, '{}', ''::bytea, at, 'APPLIED', at,
                           CASE WHEN kind = 'PROPOSAL_PART' THEN agency || '-' || (1 + i %% %2$d) END,
                           CASE WHEN kind = 'PROPOSAL_PART' THEN 'Joint research project ' || (1 + i %% %2$d) END
                      FROM (SELECT i, (ARRAY['DFG','NSF','NWO','UKRI'])[1 + i %% 4] AS agency,
                                   (ARRAY['PROPOSAL_PART','REVIEW_RESULT','REVIEW_RESULT','FUNDING_DECISION'])[1 + (i / 4) %% 4] AS kind,
                                   now() - ((%3$d - i) * interval '15 seconds') AS at
                              FROM generate_series(1, %3$d) i) g
                    """.formatted(CALL, PROPOSALS, LEDGER_ROWS));
            // The titles the decision worker adds to each proposal as it settles its parts (migration V14).
            sql.execute("""
                    UPDATE joint_proposal p SET part_titles = t.titles
                      FROM (SELECT call_id, joint_reference, string_agg(DISTINCT title, E'\\n') AS titles FROM exchange_ledger
                             WHERE kind = 'PROPOSAL_PART' AND title IS NOT NULL GROUP BY call_id, joint_reference) t
                     WHERE p.call_id = t.call_id AND p.joint_reference = t.joint_reference
                    """);
            sql.execute("""
                    INSERT INTO outbox_message (message_id, recipient, kind, joint_id, caused_by, canonical_xml, state,
                                                attempts, next_attempt_at, created_at, delivered_at, receipt_status)
                    SELECT 'gateway-bench-' || i, (ARRAY['DFG','NSF','NWO','UKRI'])[1 + i %% 4],
                           (ARRAY['JOINT_PROPOSAL_RECORD','JOINT_PROPOSAL_RECORD','JOINT_OUTCOME_NOTICE'])[1 + i %% 3],
                           md5('proposal' || (1 + i %% %1$d))::uuid, NULL,
                           convert_to('<message xmlns="urn:jointcall:canonical:v1"/>', 'UTF8'),
                           CASE WHEN i %% 997 = 0 THEN 'DEAD' ELSE 'DELIVERED' END, 1, at, at, at, 202
                      FROM (SELECT i, now() - ((%2$d - i) * interval '75 seconds') AS at FROM generate_series(1, %2$d) i) g
                    """.formatted(PROPOSALS, OUTBOX_ROWS));
            sql.execute("ANALYZE");
        }
    }
}
