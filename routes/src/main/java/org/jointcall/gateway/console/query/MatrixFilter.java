package org.jointcall.gateway.console.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.TrackState;

/**
 * What a matrix page shows: filters (each optional), sort order and page. Validated on construction,
 * so a bad parameter is refused with its name before any query runs.
 */
public record MatrixFilter(String jointState, String agency, String trackState, String q, Sort sort, boolean descending,
        Cursor after, int limit) {

    /** Matrix sort orders; each is a unique key ending with the joint id, as keyset paging needs. */
    public enum Sort {
        REFERENCE("p.joint_reference"), STATE("p.joint_status, p.joint_reference"), UPDATED("p.updated_at");

        final String columns;

        Sort(String columns) {
            this.columns = columns;
        }

        /** Refuses a cursor that another sort order (or list) produced: its values are this order's key. */
        void check(Cursor cursor) {
            if (cursor.isStart()) {
                return;
            }
            int size = columns.split(", ").length + 1;
            if (cursor.size() != size) {
                throw new IllegalArgumentException("the cursor does not belong to this matrix sort order");
            }
            java.util.UUID.fromString(cursor.at(size - 1));
            if (this == UPDATED) {
                java.time.OffsetDateTime.parse(cursor.at(0));
            }
        }

        public static Sort named(String name) {
            if (name == null || name.isBlank()) {
                return REFERENCE;
            }
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort '" + name + "' is not one of reference, state, updated");
            }
        }
    }

    public MatrixFilter {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1..200");
        }
        try {
            sort.check(after);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("the cursor does not belong to this matrix sort order", e);
        }
        jointState = oneOf("jointState", jointState, names(JointStatus.values()));
        agency = blankToNull(agency);
        trackState = oneOf("trackState", trackState, names(TrackState.values()));
        q = blankToNull(q);
    }

    /** Sort direction from the API's {@code dir} parameter. */
    public static boolean descending(String dir) {
        if (dir == null || dir.isBlank() || dir.equalsIgnoreCase("asc")) {
            return false;
        }
        if (dir.equalsIgnoreCase("desc")) {
            return true;
        }
        throw new IllegalArgumentException("dir '" + dir + "' is not asc or desc");
    }

    /**
     * {@code value} in capitals if it is one of {@code allowed}, null if blank; anything else is refused with the
     * parameter named, rather than matching nothing and looking like an empty result.
     */
    static String oneOf(String parameter, String value, Collection<String> allowed) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        String named = given.toUpperCase(Locale.ROOT);
        if (!allowed.contains(named)) {
            throw new IllegalArgumentException(parameter + " '" + value + "' is not one of " + allowed);
        }
        return named;
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
