package org.jointcall.gateway.console.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.console.query.LogFilter.Direction;

/**
 * Every message in and out, newest first: the inbound ledger and the outbound outbox read as one
 * list. Each side is read with its own index-ordered, limited query (V7's indexes on time and id,
 * per agency and per kind), and the two short results are merged, so a page costs a few index
 * reads however many rows the ledger holds. The order is (time, direction, id), descending; the
 * cursor holds the last row's three values.
 *
 * <p>The search {@code q} (a message id, or the start of a joint reference) is read the same way:
 * one limited query per index that serves it, merged. A single query with {@code OR} would walk the
 * time index through a million rows when matches are rare.
 */
@ApplicationScoped
public class ExchangeLog {

    /** One message of the log. */
    public record Entry(String id, OffsetDateTime at, String direction, String agency, String kind, String messageId,
            String jointReference, UUID jointId, String status, String signatureVerdict) {
    }

    /** Order of the two directions among rows with the same time: OUT rows come first (descending). */
    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::at)
            .thenComparing(Entry::direction).thenComparingLong(ExchangeLog::number).reversed();

    private static final String INBOUND = """
            SELECT l.ledger_id, l.received_at, l.agency, l.kind, l.message_id, l.joint_reference, p.joint_id,
                   l.processing_state
              FROM exchange_ledger l
              LEFT JOIN joint_proposal p ON p.call_id = l.call_id AND p.joint_reference = l.joint_reference
             WHERE true""";
    private static final String OUTBOUND = """
            SELECT o.outbox_id, o.created_at, o.recipient, o.kind, o.message_id, p.joint_reference, o.joint_id, o.state,
                   o.receipt_status, o.receipt_verdict IS NOT NULL
              FROM outbox_message o JOIN joint_proposal p ON p.joint_id = o.joint_id
             WHERE true""";
    /** Rows per query while exporting everything: a CSV of a million rows never sits in memory. */
    private static final int EXPORT_BATCH = 1000;

    @Inject
    DataSource dataSource;

    public Page<Entry> page(LogFilter filter, Cursor after, int limit) throws SQLException {
        checkCursor(after);
        try (Connection connection = dataSource.getConnection()) {
            return Page.of(fetch(connection, filter, after, limit + 1), limit, ExchangeLog::cursorOf);
        }
    }

    /** Every entry the filter selects, newest first, batch by batch on one connection. */
    public void forEach(LogFilter filter, Consumer<Entry> each) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Cursor after = Cursor.start();
            while (true) {
                List<Entry> batch = fetch(connection, filter, after, EXPORT_BATCH);
                batch.forEach(each);
                if (batch.size() < EXPORT_BATCH) {
                    return;
                }
                after = cursorOf(batch.get(batch.size() - 1));
            }
        }
    }

    private static List<Entry> fetch(Connection connection, LogFilter filter, Cursor after, int count) throws SQLException {
        Map<String, Entry> entries = new HashMap<>();
        for (Search search : Search.of(filter.q())) {
            if (filter.includes(Direction.IN)) {
                inbound(connection, filter, search, after, count).forEach(entry -> entries.put(entry.id(), entry));
            }
            if (filter.includes(Direction.OUT)) {
                outbound(connection, filter, search, after, count).forEach(entry -> entries.put(entry.id(), entry));
            }
        }
        // A message found by both its id and its reference is one entry.
        List<Entry> merged = new ArrayList<>(entries.values());
        merged.sort(NEWEST_FIRST);
        return merged.size() > count ? merged.subList(0, count) : merged;
    }

    /**
     * One branch of the search: a message id, or a reference prefix; {@code ALL} when there is no q.
     * Each branch is its own query, so each can start from its own index.
     */
    private record Search(String messageId, String referencePrefix) {

        static final Search ALL = new Search(null, null);

        static List<Search> of(String q) {
            if (q == null) {
                return List.of(ALL);
            }
            return List.of(new Search(q, null), new Search(null, Sql.likeLiteral(q) + "%"));
        }
    }

    private static List<Entry> inbound(Connection connection, LogFilter filter, Search search, Cursor after, int count)
            throws SQLException {
        Sql sql = new Sql(INBOUND);
        sql.andIf(filter.agency(), "l.agency = ?");
        sql.andIf(filter.kind(), "l.kind = ?");
        sql.andIf(filter.status(), "l.processing_state = ?");
        sql.andIf(filter.from(), "l.received_at >= ?");
        sql.andIf(filter.to(), "l.received_at < ?");
        sql.andIf(search.messageId(), "l.message_id = ?");
        sql.andIf(search.referencePrefix(), "l.joint_reference LIKE ?");
        if (!after.isStart()) {
            // IN sorts below OUT at the same instant: after an OUT row, IN rows of that very instant still follow.
            if (after.at(1).equals(Direction.IN.name())) {
                sql.append(" AND (l.received_at, l.ledger_id) < (?::timestamptz, ?)", after.at(0), after.longAt(2));
            } else {
                sql.append(" AND l.received_at <= ?::timestamptz", after.at(0));
            }
        }
        sql.append(" ORDER BY l.received_at DESC, l.ledger_id DESC LIMIT ?", count);
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement query = sql.prepare(connection); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                entries.add(new Entry("in-" + row.getLong(1), row.getObject(2, OffsetDateTime.class), Direction.IN.name(),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getObject(7, UUID.class),
                        row.getString(8), "VERIFIED"));
            }
        }
        return entries;
    }

    private static List<Entry> outbound(Connection connection, LogFilter filter, Search search, Cursor after, int count)
            throws SQLException {
        Sql sql = new Sql(OUTBOUND);
        sql.andIf(filter.agency(), "o.recipient = ?");
        sql.andIf(filter.kind(), "o.kind = ?");
        sql.andIf(filter.status(), "o.state = ?");
        sql.andIf(filter.from(), "o.created_at >= ?");
        sql.andIf(filter.to(), "o.created_at < ?");
        sql.andIf(search.messageId(), "o.message_id = ?");
        sql.andIf(search.referencePrefix(), "p.joint_reference LIKE ?");
        if (!after.isStart()) {
            if (after.at(1).equals(Direction.OUT.name())) {
                sql.append(" AND (o.created_at, o.outbox_id) < (?::timestamptz, ?)", after.at(0), after.longAt(2));
            } else {
                sql.append(" AND o.created_at < ?::timestamptz", after.at(0));
            }
        }
        sql.append(" ORDER BY o.created_at DESC, o.outbox_id DESC LIMIT ?", count);
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement query = sql.prepare(connection); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                entries.add(new Entry("out-" + row.getLong(1), row.getObject(2, OffsetDateTime.class), Direction.OUT.name(),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getObject(7, UUID.class),
                        row.getString(8), ProposalDetail.receiptVerdict(row.getObject(9), row.getBoolean(10))));
            }
        }
        return entries;
    }

    private static long number(Entry entry) {
        return Long.parseLong(entry.id().substring(entry.id().indexOf('-') + 1));
    }

    private static Cursor cursorOf(Entry entry) {
        return Cursor.of(entry.at().toString(), entry.direction(), Long.toString(number(entry)));
    }

    private static void checkCursor(Cursor after) {
        if (after.isStart()) {
            return;
        }
        if (after.size() != 3 || !(after.at(1).equals("IN") || after.at(1).equals("OUT"))) {
            throw new IllegalArgumentException("the cursor does not belong to the exchange log");
        }
        after.longAt(2);
        try {
            OffsetDateTime.parse(after.at(0));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("the cursor does not belong to the exchange log", e);
        }
    }
}
