package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jointcall.adapters.document.NativeNode;
import org.jointcall.adapters.document.NativePath;
import org.jointcall.adapters.spi.TranslationNote;

/**
 * A native field that must never enter the canonical form, above all a reviewer's identity: reviewer
 * identities never leave the agency they belong to. Reading notes that it was withheld (so the drop is
 * visible, not silent); writing never produces it, whatever the canonical message holds.
 */
final class WithheldBinding implements Binding {

    private final NativePath path;
    private final String reason;

    WithheldBinding(NativePath path, String reason) {
        this.path = path;
        this.reason = reason;
    }

    @Override
    public void read(NativeNode source, ObjectNode canonical, MappingContext context) {
        source.scalar(path).ifPresent(value ->
                context.note(TranslationNote.Kind.WITHHELD, value.field(), reason));
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(new MappingRow(path.expression(), "(none)", "withheld: " + reason));
    }

    @Override
    public void write(JsonNode canonical, NativeNode target, MappingContext context) {
        // Never written: see the class comment.
    }
}
