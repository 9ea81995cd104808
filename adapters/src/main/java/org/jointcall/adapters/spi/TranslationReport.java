package org.jointcall.adapters.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a translation left behind. The gateway stores it next to the exchanged message so that a
 * coordinator can see, for every partner, which canonical facts its format could not receive. An empty
 * report means the translation was lossless. Immutable.
 */
public final class TranslationReport {

    private static final TranslationReport LOSSLESS = new TranslationReport(List.of());

    private final List<TranslationNote> notes;

    private TranslationReport(List<TranslationNote> notes) {
        this.notes = List.copyOf(notes);
    }

    public static TranslationReport lossless() {
        return LOSSLESS;
    }

    public static TranslationReport of(List<TranslationNote> notes) {
        Objects.requireNonNull(notes, "notes");
        return notes.isEmpty() ? LOSSLESS : new TranslationReport(notes);
    }

    public List<TranslationNote> notes() {
        return notes;
    }

    public boolean isLossless() {
        return notes.isEmpty();
    }

    /** The canonical fields (JSON pointers) mentioned with the given kind. */
    public List<String> fields(TranslationNote.Kind kind) {
        List<String> fields = new ArrayList<>();
        for (TranslationNote note : notes) {
            if (note.kind() == kind) {
                fields.add(note.field());
            }
        }
        return fields;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TranslationReport that && notes.equals(that.notes);
    }

    @Override
    public int hashCode() {
        return notes.hashCode();
    }

    @Override
    public String toString() {
        return notes.isEmpty() ? "lossless" : notes.toString();
    }
}
