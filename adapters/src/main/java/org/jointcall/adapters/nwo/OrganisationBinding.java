package org.jointcall.adapters.nwo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;
import org.jointcall.adapters.document.NativeNode;
import org.jointcall.adapters.document.NativePath;
import org.jointcall.adapters.document.NativeScalar;
import org.jointcall.adapters.mapping.Binding;
import org.jointcall.adapters.mapping.CanonicalTree;
import org.jointcall.adapters.mapping.MappingContext;
import org.jointcall.adapters.mapping.MappingRow;
import org.jointcall.adapters.spi.TranslationNote;

/**
 * NWOpen writes an organisation as one string, {@code "University||Faculty||Department"}. The canonical
 * affiliation has a name but no faculty or department, so the university becomes the name and the rest
 * is reported as not carried into the canonical model (a gap in canonical v1, not a silent drop).
 */
final class OrganisationBinding implements Binding {

    private static final String SEPARATOR = "||";

    private final NativePath path;
    private final String pointer;

    OrganisationBinding(NativePath path, String pointer) {
        this.path = path;
        this.pointer = CanonicalTree.checked(pointer);
    }

    @Override
    public void read(NativeNode source, ObjectNode canonical, MappingContext context) {
        Optional<NativeScalar> value = source.scalar(path);
        if (value.isEmpty()) {
            return;
        }
        String organisation = value.get().text();
        int separator = organisation.indexOf(SEPARATOR);
        String university = separator < 0 ? organisation : organisation.substring(0, separator);
        if (university.isBlank()) {
            throw context.invalid(value.get(), new IllegalArgumentException(
                    "the university is missing; NWO organisations are written University||Faculty||Department"));
        }
        CanonicalTree.set(canonical, pointer, TextNode.valueOf(university));
        if (separator >= 0) {
            context.note(TranslationNote.Kind.NOT_CARRIED, value.get().field(),
                    "the canonical affiliation has no faculty or department; kept only '" + university
                            + "' of '" + organisation + "'");
        }
    }

    @Override
    public void write(JsonNode canonical, NativeNode target, MappingContext context) {
        JsonNode name = CanonicalTree.get(canonical, pointer);
        if (name != null) {
            target.put(path, TextNode.valueOf(name.asText()));
        }
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(new MappingRow(path.expression(), pointer,
                "University||Faculty||Department: the university only (canonical v1 has no faculty or department)"));
    }
}
