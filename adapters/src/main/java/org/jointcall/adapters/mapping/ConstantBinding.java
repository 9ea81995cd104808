package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jointcall.adapters.document.NativeNode;

/**
 * A canonical value that a native format implies rather than states (NSF's scale is always E/V/G/F/P, a
 * UKRI budget is always in GBP). Writing states nothing; a canonical value other than the constant is
 * therefore not carried, and the read-back comparison reports it.
 */
final class ConstantBinding implements Binding {

    private final String pointer;
    private final JsonNode value;

    ConstantBinding(String pointer, JsonNode value) {
        this.pointer = CanonicalTree.checked(pointer);
        this.value = value;
    }

    @Override
    public void read(NativeNode source, ObjectNode canonical, MappingContext context) {
        CanonicalTree.set(canonical, pointer, value.deepCopy());
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(new MappingRow("(implied)", pointer, "always " + value.asText() + " in this format"));
    }

    @Override
    public void write(JsonNode canonical, NativeNode target, MappingContext context) {
        // Implied by the format: nothing to write.
    }
}
