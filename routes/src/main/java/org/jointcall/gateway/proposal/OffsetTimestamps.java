package org.jointcall.gateway.proposal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An {@link OffsetDateTime} in two columns: the instant ({@code timestamptz}, for queries) and the
 * offset it was stated with ({@code <column>_offset}, seconds). PostgreSQL keeps only the instant,
 * and a track reported at 09:00+09:00 must reload as 09:00+09:00, not 00:00Z. Precision is
 * PostgreSQL's: microseconds.
 */
final class OffsetTimestamps {

    private OffsetTimestamps() {
    }

    static void set(PreparedStatement statement, int instantIndex, OffsetDateTime time) throws SQLException {
        if (time == null) {
            statement.setNull(instantIndex, Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setNull(instantIndex + 1, Types.INTEGER);
        } else {
            statement.setObject(instantIndex, time);
            statement.setInt(instantIndex + 1, time.getOffset().getTotalSeconds());
        }
    }

    static OffsetDateTime get(ResultSet row, String column) throws SQLException {
        OffsetDateTime instant = row.getObject(column, OffsetDateTime.class);
        if (instant == null) {
            return null;
        }
        return instant.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(row.getInt(column + "_offset")));
    }
}
