package org.jointcall.gateway.console.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.jointcall.contracts.v1.MessageKind;

/**
 * The exchange log's filters, each optional: agency (sender or recipient), message kind, direction,
 * status (ledger processing state or outbox state), a time range {@code [from, to)} and {@code q}
 * (a message id, or the start of a joint reference). Dates without a time mean whole UTC days:
 * {@code from=2026-11-01&to=2026-11-30} includes all of 30 November.
 */
public record LogFilter(String agency, String kind, Direction direction, String status, OffsetDateTime from,
        OffsetDateTime to, String q) {

    /** IN: what partners sent (ledger); OUT: what the gateway sends (outbox). */
    public enum Direction { IN, OUT }

    /** Ledger processing states and outbox states (the tables' CHECK constraints name the same). */
    static final List<String> STATUSES = List.of("RECEIVED", "APPLIED", "HELD", "REFUSED", "PENDING", "DELIVERED", "DEAD",
            "AWAITING_PULL", "ACKNOWLEDGED");

    public LogFilter {
        agency = MatrixFilter.blankToNull(agency);
        kind = MatrixFilter.oneOf("kind", kind, MatrixFilter.names(MessageKind.values()));
        status = MatrixFilter.oneOf("status", status, STATUSES);
        q = MatrixFilter.blankToNull(q);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " is not before to " + to);
        }
    }

    /** The filter from the API's query parameters, refusing malformed values with the parameter named. */
    public static LogFilter of(String agency, String kind, String direction, String status, String from, String to, String q) {
        return new LogFilter(agency, kind, direction(direction), status, time("from", from, false), time("to", to, true), q);
    }

    public boolean includes(Direction wanted) {
        return direction == null || direction == wanted;
    }

    private static Direction direction(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Direction.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("direction '" + value + "' is not IN or OUT");
        }
    }

    private static OffsetDateTime time(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is neither a date (2026-11-28) nor a time with offset"
                    + " (2026-11-28T09:00:00+09:00)");
        }
    }
}
