package org.jointcall.contracts.binding;

import java.util.Objects;

/**
 * One thing wrong with a received or produced message: which field, why, and where in the document
 * if the document was XML or JSON text the sender can open.
 *
 * @param field the field path, e.g. {@code proposalPart.person[1].orcid}
 * @param reason what is wrong and, where possible, what would be right
 * @param line 1-based line in the document, or 0 when the problem has no place in the sender's text
 * @param column 1-based column, or 0 when unknown
 */
public record MessageProblem(String field, String reason, int line, int column) {

    public MessageProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        line = Math.max(line, 0);
        column = Math.max(column, 0);
    }

    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return where + field + ": " + reason;
    }
}
