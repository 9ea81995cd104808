package org.jointcall.gateway.console.query;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.v1.JointStatus;

/** The calls overview: every joint call with its participating agencies and how many proposals are in each joint state. */
@ApplicationScoped
public class CallsOverview {

    /** One call's line. */
    public record CallSummary(String callId, String programme, String field, String title, List<String> agencies,
            OffsetDateTime decisionDeadline, Map<String, Long> counts, long total) {
    }

    private static final String QUERY = """
            SELECT c.call_id, c.programme, c.field, c.decision_deadline, c.definition,
                   count(p.joint_id) FILTER (WHERE p.joint_status = 'PENDING') AS pending,
                   count(p.joint_id) FILTER (WHERE p.joint_status = 'APPROVED') AS approved,
                   count(p.joint_id) FILTER (WHERE p.joint_status = 'REJECTED') AS rejected,
                   count(p.joint_id) FILTER (WHERE p.joint_status = 'AWARDED') AS awarded,
                   count(p.joint_id) AS total
              FROM joint_call c LEFT JOIN joint_proposal p ON p.call_id = c.call_id
             GROUP BY c.call_id
             ORDER BY c.decision_deadline DESC, c.call_id
            """;

    private final CanonicalCodec codec = new CanonicalCodec();

    @Inject
    DataSource dataSource;

    public List<CallSummary> calls() throws SQLException {
        List<CallSummary> calls = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(QUERY);
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                JointCall definition = codec.callFromXml(row.getString("definition").getBytes(StandardCharsets.UTF_8));
                Map<String, Long> counts = new LinkedHashMap<>();
                for (JointStatus status : JointStatus.values()) {
                    counts.put(status.value(), row.getLong(status.value().toLowerCase(java.util.Locale.ROOT)));
                }
                calls.add(new CallSummary(row.getString("call_id"), row.getString("programme"), row.getString("field"),
                        definition.getTitle(), trackAgencies(CallTerms.of(definition)),
                        row.getObject("decision_deadline", OffsetDateTime.class), counts, row.getLong("total")));
            }
        }
        return calls;
    }

    /** The agencies that hold a track in {@code call} (self-funded partners have none), in code order. */
    public static List<String> trackAgencies(CallTerms call) {
        return call.participants().values().stream().filter(p -> p.hasTrack()).map(p -> p.agency().code()).toList();
    }
}
