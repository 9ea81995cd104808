package org.jointcall.adapters.spi;

import java.util.Objects;

/**
 * Thrown instead of returning a half-translated message: a translation either yields a complete result
 * or this exception, never something in between. It names the native (or canonical) field at fault and
 * its position so that the sending agency can correct its message without reading gateway logs.
 * Unchecked because translation runs inside routes and mapping lambdas that should not have to re-wrap it.
 */
public class TranslationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String agency;
    private final String field;
    private final SourcePosition position;
    private final String problem;

    public TranslationException(String agency, String field, SourcePosition position, String problem) {
        this(agency, field, position, problem, null);
    }

    public TranslationException(String agency, String field, SourcePosition position, String problem, Throwable cause) {
        super(describe(agency, field, position, problem), cause);
        this.agency = Objects.requireNonNull(agency, "agency");
        this.field = Objects.requireNonNull(field, "field");
        this.position = Objects.requireNonNull(position, "position");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String describe(String agency, String field, SourcePosition position, String problem) {
        return agency + " " + field + " at " + position + ": " + problem;
    }

    /** The agency whose format was being read or written. */
    public String agency() {
        return agency;
    }

    /** The field at fault, as named in the native format (or the canonical one when writing). */
    public String field() {
        return field;
    }

    public SourcePosition position() {
        return position;
    }

    /** What was wrong and, where known, what would be right. */
    public String problem() {
        return problem;
    }
}
