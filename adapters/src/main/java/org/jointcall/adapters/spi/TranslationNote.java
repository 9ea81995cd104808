package org.jointcall.adapters.spi;

import java.util.Objects;

/**
 * One thing a translation could not do faithfully, said out loud instead of dropped silently.
 *
 * @param kind   why the field is mentioned
 * @param field  the field concerned: when writing, a JSON pointer into the canonical JSON form; when reading,
 *               the native field (JSON pointer or element path) that was not taken over
 * @param detail a sentence for the coordinator
 */
public record TranslationNote(Kind kind, String field, String detail) {

    /** Why a field appears in a translation report. */
    public enum Kind {
        /** The target format has no place for this value; it was not written. */
        NOT_CARRIED,
        /** The value was deliberately kept back (reviewer identities never leave their agency). */
        WITHHELD
    }

    public TranslationNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return kind + " " + field + ": " + detail;
    }
}
