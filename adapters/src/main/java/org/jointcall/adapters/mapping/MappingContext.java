package org.jointcall.adapters.mapping;

import java.util.List;
import org.jointcall.adapters.document.NativeScalar;
import org.jointcall.adapters.spi.SourcePosition;
import org.jointcall.adapters.spi.TranslationException;
import org.jointcall.adapters.spi.TranslationNote;

/**
 * What a binding needs besides the two documents: which agency it speaks for (for error messages), where
 * in the canonical tree it stands (bindings use relative pointers inside repeated groups), and the notes
 * it must not drop.
 */
public final class MappingContext {

    private final String agency;
    private final String canonicalBase;
    private final List<TranslationNote> notes;

    MappingContext(String agency, String canonicalBase, List<TranslationNote> notes) {
        this.agency = agency;
        this.canonicalBase = canonicalBase;
        this.notes = notes;
    }

    public String agency() {
        return agency;
    }

    /** A context for the element {@code index} of the canonical array at {@code arrayPointer}. */
    public MappingContext element(String arrayPointer, int index) {
        return new MappingContext(agency, canonicalBase + arrayPointer + "/" + index, notes);
    }

    /** A context whose canonical pointers are relative to {@code objectPointer}. */
    public MappingContext nested(String objectPointer) {
        return new MappingContext(agency, canonicalBase + objectPointer, notes);
    }

    /** The absolute canonical pointer for a pointer relative to this context. */
    public String canonical(String relativePointer) {
        return canonicalBase + relativePointer;
    }

    public void note(TranslationNote.Kind kind, String field, String detail) {
        notes.add(new TranslationNote(kind, field, detail));
    }

    /** Blames a native value that a codec refused. */
    public TranslationException invalid(NativeScalar value, IllegalArgumentException problem) {
        return new TranslationException(agency, value.field(), value.position(),
                "'" + value.text() + "': " + problem.getMessage(), problem);
    }

    /** Blames a canonical value that cannot be written in this agency's format. */
    public TranslationException unwritable(String relativePointer, String problem, Exception cause) {
        return new TranslationException(agency, canonical(relativePointer), SourcePosition.jsonPointer(canonical(relativePointer)),
                problem, cause);
    }
}
