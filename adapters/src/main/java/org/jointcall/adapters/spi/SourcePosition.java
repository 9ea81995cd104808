package org.jointcall.adapters.spi;

import java.util.Objects;

/**
 * Where in a native document something went wrong, so that an agency's operator can find it in the
 * bytes they sent: a line and column for XML and for JSON that does not parse, a JSON pointer for JSON
 * that parses but is wrong. Immutable; equal by value.
 */
public final class SourcePosition {

    private static final SourcePosition UNKNOWN = new SourcePosition(0, 0, null);

    private final int line;
    private final int column;
    private final String jsonPointer;

    private SourcePosition(int line, int column, String jsonPointer) {
        this.line = line;
        this.column = column;
        this.jsonPointer = jsonPointer;
    }

    public static SourcePosition lineColumn(int line, int column) {
        if (line < 1) {
            throw new IllegalArgumentException("line " + line + ": lines are counted from 1");
        }
        return new SourcePosition(line, Math.max(column, 0), null);
    }

    public static SourcePosition jsonPointer(String pointer) {
        Objects.requireNonNull(pointer, "pointer");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("JSON pointer '" + pointer + "' should be empty or start with '/'");
        }
        return new SourcePosition(0, 0, pointer);
    }

    /** For failures that concern the message as a whole (for example a canonical object going out). */
    public static SourcePosition unknown() {
        return UNKNOWN;
    }

    public boolean hasLineColumn() {
        return line > 0;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public boolean hasJsonPointer() {
        return jsonPointer != null;
    }

    public String jsonPointer() {
        return jsonPointer;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourcePosition that
                && line == that.line && column == that.column && Objects.equals(jsonPointer, that.jsonPointer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, column, jsonPointer);
    }

    @Override
    public String toString() {
        if (hasLineColumn()) {
            return "line " + line + ", column " + column;
        }
        if (hasJsonPointer()) {
            return "JSON pointer '" + jsonPointer + "'";
        }
        return "unknown position";
    }
}
