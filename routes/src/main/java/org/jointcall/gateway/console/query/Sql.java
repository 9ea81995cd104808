package org.jointcall.gateway.console.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A query assembled from optional filters: each condition added with its parameters, so the SQL
 * and its parameters cannot drift apart and no value is ever spliced into the text.
 */
final class Sql {

    private final StringBuilder text;
    private final List<Object> parameters = new ArrayList<>();

    Sql(String start) {
        text = new StringBuilder(start);
    }

    Sql append(String sql, Object... values) {
        text.append(sql);
        parameters.addAll(List.of(values));
        return this;
    }

    /** Appends {@code " AND " + condition} when {@code value} is present; the condition's ? are all {@code value}. */
    Sql andIf(Object value, String condition) {
        if (value != null) {
            text.append(" AND ").append(condition);
            long placeholders = condition.chars().filter(c -> c == '?').count();
            for (int i = 0; i < placeholders; i++) {
                parameters.add(value);
            }
        }
        return this;
    }

    /** {@code value} as a literal inside a LIKE pattern: its wildcards and escape character match themselves. */
    static String likeLiteral(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
