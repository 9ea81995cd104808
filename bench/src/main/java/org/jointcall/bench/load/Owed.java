package org.jointcall.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jointcall.gateway.it.TestDatabase;

/**
 * What the gateway owes the partners for one run's traffic, read from its database: the ledger's message ids
 * (everything it accepted), those it applied as stale and, per partner message, the outbox messages it caused
 * (the consolidated record, notices), which must each reach their partner once.
 */
public record Owed(Set<String> inLedger, Set<String> stale, Map<String, List<String>> outboxByCause) {

    public static Owed read(TestDatabase.Database database, String referencePrefix) {
        Set<String> ledger = new HashSet<>();
        Set<String> stale = new HashSet<>();
        Map<String, List<String>> outbox = new HashMap<>();
        try (Connection connection = database.connect()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT message_id, processing_state = 'APPLIED' AND processing_detail LIKE 'STALE:%'"
                            + " FROM exchange_ledger WHERE joint_reference LIKE ? || '%'")) {
                statement.setString(1, referencePrefix);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ledger.add(rows.getString(1));
                        if (rows.getBoolean(2)) {
                            stale.add(rows.getString(1));
                        }
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT l.message_id, o.message_id FROM outbox_message o"
                    + " JOIN exchange_ledger l ON l.ledger_id = o.caused_by WHERE l.joint_reference LIKE ? || '%'")) {
                statement.setString(1, referencePrefix);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        outbox.computeIfAbsent(rows.getString(1), cause -> new ArrayList<>()).add(rows.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read what the gateway owes for " + referencePrefix + ": " + e.getMessage(), e);
        }
        return new Owed(ledger, stale, outbox);
    }

    /**
     * Whether the gateway applied the message and rightly sent nothing for it: an agency's report that arrived after
     * a newer one of the same agency (a partner's messages overtaking each other) is stale and changes nothing
     * (the decision step settles it with a detail that starts with its result, STALE).
     */
    public boolean appliedWithoutEffect(String messageId) {
        return stale.contains(messageId) && !outboxByCause.containsKey(messageId);
    }

    /** Every outbox message id of the run. */
    public List<String> outboxMessages() {
        return outboxByCause.values().stream().flatMap(List::stream).toList();
    }

    /** Waits until {@link #settled} or {@code patience} is up; returns how long it waited. */
    public static Duration awaitSettled(TestDatabase.Database database, Duration patience) {
        long started = System.nanoTime();
        while (!settled(database) && System.nanoTime() - started < patience.toNanos()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Whether the gateway has nothing left to do: no ledger message waiting to be applied, no outbox message pending. */
    public static boolean settled(TestDatabase.Database database) {
        try {
            // decision_queue holds the ledger's RECEIVED rows (V12); counting them in the ledger itself read the whole
            // table ten times a second during each drain, and that PostgreSQL CPU went into the figures being measured.
            return database.column("SELECT CASE WHEN EXISTS (SELECT 1 FROM decision_queue)"
                    + " OR EXISTS (SELECT 1 FROM outbox_message WHERE state = 'PENDING') THEN 1 ELSE 0 END").get(0).equals("0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the gateway's backlog: " + e.getMessage(), e);
        }
    }
}
