package org.jointcall.gateway.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jointcall.gateway.delivery.PartnerCircuits;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partner-down, approaching-deadline and lapse alerts against a real PostgreSQL: raised from what is there, closed when it is gone. */
class PartnerAndDeadlineAlertsTest {

    private static final Instant NOW = Instant.now();
    private TestDatabase.Database database;
    private PartnerAndDeadlineAlerts check;

    @BeforeEach
    void migrated() {
        database = TestDatabase.fresh("partner_deadline_alerts");
        SchemaMigration.migrate(database.dataSource());
        check = new PartnerAndDeadlineAlerts(database.dataSource(), new PartnerCircuits(), new AlertLog(database.dataSource()),
                Duration.ofDays(7),
                Duration.ofDays(14));
    }

    @Test
    void aPartnerIsDownWhileItsCircuitIsNotClosed() throws SQLException {
        execute("INSERT INTO partner_circuit (agency, state, consecutive_failures, open_until) VALUES"
                + " ('NSF', 'OPEN', 5, now() + interval '30 seconds'), ('UKRI', 'HALF_OPEN', 6, NULL), ('DFG', 'CLOSED', 0, NULL)");

        check.check(NOW);

        assertThat(open()).containsExactly("PARTNER_DOWN NSF CRITICAL", "PARTNER_DOWN UKRI CRITICAL");
        assertThat(database.column("SELECT detail FROM alert WHERE subject = 'NSF'")).singleElement().asString()
                .contains("NSF failed 5 pushes in a row").contains("nothing is lost");

        execute("UPDATE partner_circuit SET state = 'CLOSED', consecutive_failures = 0 WHERE agency = 'NSF'");
        check.check(NOW.plusSeconds(30));

        assertThat(open()).containsExactly("PARTNER_DOWN UKRI CRITICAL");
    }

    @Test
    void undecidedTracksOfADeadlineWithinAWeekAreOneAlertPerCallAndAgency() throws SQLException {
        UUID soon = proposal(call("SOON", NOW.plus(Duration.ofDays(3))), "SOON-1");
        UUID soonToo = proposal("SOON", "SOON-2");
        UUID later = proposal(call("LATER", NOW.plus(Duration.ofDays(30))), "LATER-1");
        track(soon, "NSF", "UNDER_REVIEW", NOW);
        track(soonToo, "NSF", "AWAITING_DECISION", NOW);
        track(soon, "DFG", "APPROVED", NOW);
        track(later, "NSF", "UNDER_REVIEW", NOW);

        check.check(NOW);

        assertThat(open()).containsExactly("DEADLINE_APPROACHING SOON NSF WARNING");
        assertThat(database.column("SELECT detail FROM alert")).singleElement().asString()
                .contains("NSF has not decided 2 proposal(s) of SOON").contains("SOON-1, SOON-2");

        execute("UPDATE agency_track SET state = 'DECLINED' WHERE agency = 'NSF' AND joint_id IN ('" + soon + "', '" + soonToo + "')");
        check.check(NOW);

        assertThat(open()).as("decided: nothing left to lapse").isEmpty();
    }

    @Test
    void aLapseIsAnAlertForTwoWeeks() throws SQLException {
        UUID recent = proposal(call("PAST", NOW.minus(Duration.ofDays(1))), "PAST-1");
        UUID old = proposal("PAST", "PAST-2");
        track(recent, "DFG", "LAPSED", NOW.minus(Duration.ofDays(1)));
        track(old, "NWO", "LAPSED", NOW.minus(Duration.ofDays(20)));

        check.check(NOW);

        assertThat(open()).containsExactly("TRACK_LAPSED PAST DFG CRITICAL");
        check.check(NOW.plus(Duration.ofDays(14)));
        assertThat(open()).isEmpty();
    }

    private String call(String callId, Instant decisionDeadline) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO joint_call (call_id, field, decision_mode, decision_deadline, definition) VALUES (?, 'AI', 'JOINT_REVIEW', ?, '-')")) {
            insert.setString(1, callId);
            insert.setTimestamp(2, Timestamp.from(decisionDeadline));
            insert.executeUpdate();
        }
        return callId;
    }

    private UUID proposal(String callId, String reference) throws SQLException {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO joint_proposal (joint_id, call_id, joint_reference, research_security, joint_status, version)"
                + " VALUES ('" + id + "', '" + callId + "', '" + reference + "', 'NOT_APPLICABLE', 'PENDING', 1)");
        return id;
    }

    private void track(UUID jointId, String agency, String state, Instant updatedAt) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO agency_track (joint_id, agency, role, required, state, last_sequence, updated_at)"
                        + " VALUES (?, ?, 'PARTNER', true, ?, 1, ?)")) {
            insert.setObject(1, jointId);
            insert.setString(2, agency);
            insert.setString(3, state);
            insert.setTimestamp(4, Timestamp.from(updatedAt));
            insert.executeUpdate();
        }
    }

    private java.util.List<String> open() throws SQLException {
        return database.column("SELECT kind || ' ' || subject || ' ' || severity FROM alert WHERE resolved_at IS NULL ORDER BY kind, subject");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
