package org.jointcall.gateway.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * {@value #MESSAGES_HELD}: an agency's messages have waited longer than {@code heldFor} — a review or decision for a
 * proposal part that never came, a part of a call nobody configured. Each is applied by itself once what it waits for
 * arrives, so nothing is lost; but what it waits for may never come unless a coordinator asks the agency, and nothing
 * else tells them. One alert per sending agency, closing once none of its messages waits that long.
 */
public final class HeldMessageAlerts {

    public static final String MESSAGES_HELD = "MESSAGES_HELD";

    /** Rows of messages applied or refused since they were held (V21 keeps the trigger off that hot path). */
    private static final String FORGET_SETTLED = """
            DELETE FROM held_message h USING exchange_ledger l
             WHERE l.ledger_id = h.ledger_id AND l.processing_state IN ('APPLIED', 'REFUSED')
            """;
    private static final String HELD = """
            SELECT l.agency, count(*), min(h.held_since),
                   (array_agg(l.processing_detail ORDER BY h.held_since, l.ledger_id))[1],
                   array_agg(l.message_id ORDER BY h.held_since, l.ledger_id)
              FROM held_message h JOIN exchange_ledger l USING (ledger_id)
             WHERE l.processing_state = 'HELD' AND h.held_since <= ?
             GROUP BY l.agency ORDER BY l.agency
            """;

    private final DataSource dataSource;
    private final AlertLog alerts;
    private final Duration heldFor;

    public HeldMessageAlerts(DataSource dataSource, AlertLog alerts, Duration heldFor) {
        if (heldFor.isNegative()) {
            throw new IllegalArgumentException("gateway.alerts.held-minutes must not be negative: " + heldFor.toMinutes());
        }
        this.dataSource = dataSource;
        this.alerts = alerts;
        this.heldFor = heldFor;
    }

    /** Raises and resolves {@value #MESSAGES_HELD} as the database stands at {@code now}; says how many are open. */
    public String check(Instant now) throws SQLException {
        List<Alert> held = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (Statement forget = connection.createStatement()) {
                forget.executeUpdate(FORGET_SETTLED);
            }
            try (PreparedStatement query = connection.prepareStatement(HELD)) {
                query.setTimestamp(1, Timestamp.from(now.minus(heldFor)));
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        held.add(new Alert(MESSAGES_HELD, row.getString(1), Severity.WARNING, row.getString(1) + " has "
                                + row.getLong(2) + " message(s) held for more than " + heldFor.toMinutes() + " min, the first"
                                + " since " + row.getTimestamp(3).toInstant() + ", waiting: " + row.getString(4) + ". Each is"
                                + " applied once what it waits for arrives; the exchange log lists them (status HELD): "
                                + PartnerAndDeadlineAlerts.named(row.getArray(5))));
                    }
                }
            }
        }
        alerts.keepOpen(MESSAGES_HELD, held, now);
        return held.size() + " agency(ies) with messages held";
    }
}
