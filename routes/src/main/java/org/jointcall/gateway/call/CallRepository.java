package org.jointcall.gateway.call;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.v1.JointCall;

/**
 * Joint calls in PostgreSQL. A call is kept as its canonical definition (the JointCall document
 * partners read) exactly as configured, with the columns that queries and the deadline sweep need
 * beside it; it is read back as the checked {@link CallTerms} the joint-call rules work with.
 */
@ApplicationScoped
public class CallRepository {

    private static final String UPSERT = """
            INSERT INTO joint_call (call_id, programme, field, decision_mode, parallel_submission_closes,
                                    decision_deadline, definition)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (call_id) DO UPDATE
               SET programme = excluded.programme, field = excluded.field, decision_mode = excluded.decision_mode,
                   parallel_submission_closes = excluded.parallel_submission_closes,
                   decision_deadline = excluded.decision_deadline, definition = excluded.definition,
                   updated_at = now()
            """;

    private final CanonicalCodec codec = new CanonicalCodec();
    /**
     * The terms parsed from each call's stored definition. Every ledger message applied needs its call's terms,
     * and parsing the definition (JAXB and schema) cost more than the rest of applying (bench/); a definition
     * that changed in the database since is parsed again.
     */
    private final Map<String, ParsedCall> parsed = new ConcurrentHashMap<>();

    /** Stores a call, or replaces the stored definition of the call with the same id. */
    public CallTerms save(Connection connection, JointCall call) throws SQLException {
        CallTerms terms = CallTerms.of(call);
        String definition = new String(codec.callToXml(call), StandardCharsets.UTF_8);
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, terms.callId());
            statement.setString(2, terms.programme());
            statement.setString(3, terms.field().name());
            statement.setString(4, terms.decisionMode().name());
            statement.setObject(5, terms.parallelSubmissionCloses(), Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setObject(6, terms.decisionDeadline(), Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setString(7, definition);
            statement.executeUpdate();
        }
        return terms;
    }

    public Optional<CallTerms> find(Connection connection, String callId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT definition FROM joint_call WHERE call_id = ?")) {
            statement.setString(1, callId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String definition = row.getString(1);
                ParsedCall call = parsed.get(callId);
                if (call == null || !call.definition().equals(definition)) {
                    call = new ParsedCall(definition, CallTerms.of(codec.callFromXml(definition.getBytes(StandardCharsets.UTF_8))));
                    parsed.put(callId, call);
                }
                return Optional.of(call.terms());
            }
        }
    }

    private record ParsedCall(String definition, CallTerms terms) {
    }
}
