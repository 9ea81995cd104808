package org.jointcall.contracts.binding;

import java.util.Objects;

/**
 * One thing wrong with a received or produced message: which field, why, and where in the document
 * if the document was XML or JSON text the sender can open (line and column are 0 when unknown).
 */
public final class MessageProblem {

    private final String field;
    private final String reason;
    private final int line;
    private final int column;

    public MessageProblem(String field, String reason, int line, int column) {
        this.field = Objects.requireNonNull(field, "field");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.line = Math.max(line, 0);
        this.column = Math.max(column, 0);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** 1-based line in the document, or 0 when the problem has no place in the sender's text. */
    public int line() {
        return line;
    }

    /** 1-based column in the document, or 0 when unknown. */
    public int column() {
        return column;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MessageProblem)) {
            return false;
        }
        MessageProblem that = (MessageProblem) other;
        return field.equals(that.field) && reason.equals(that.reason) && line == that.line && column == that.column;
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, reason, line, column);
    }

    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return where + field + ": " + reason;
    }
}
