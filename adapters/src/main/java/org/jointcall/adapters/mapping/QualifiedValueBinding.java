package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;
import org.jointcall.adapters.document.NativeNode;
import org.jointcall.adapters.document.NativePath;
import org.jointcall.adapters.document.NativeScalar;

/**
 * A native value whose qualifier the format implies ⇄ a canonical {@code {value, qualifier}} object: an
 * amount in the agency's one currency ({@code currency}: each agency funds only its own researchers in
 * its own currency), a researcher number in the agency's own scheme ({@code scheme}: E_RAD). A canonical
 * value with another qualifier is not carried rather than silently relabelled.
 */
final class QualifiedValueBinding implements Binding {

    private final NativePath path;
    private final String pointer;
    private final ValueCodec codec;
    private final String qualifier;
    private final String qualifierValue;

    QualifiedValueBinding(NativePath path, String pointer, ValueCodec codec, String qualifier, String qualifierValue) {
        this.path = path;
        this.pointer = CanonicalTree.checked(pointer);
        this.codec = codec;
        this.qualifier = qualifier;
        this.qualifierValue = qualifierValue;
    }

    @Override
    public void read(NativeNode source, ObjectNode canonical, MappingContext context) {
        Optional<NativeScalar> value = source.scalar(path);
        if (value.isPresent()) {
            ObjectNode amount = CanonicalTree.object(canonical, pointer);
            try {
                amount.set("value", codec.toCanonical(value.get().value()));
            } catch (IllegalArgumentException e) {
                throw context.invalid(value.get(), e);
            }
            amount.set(qualifier, TextNode.valueOf(qualifierValue));
        }
    }

    @Override
    public void write(JsonNode canonical, NativeNode target, MappingContext context) {
        JsonNode amount = CanonicalTree.get(canonical, pointer);
        if (amount == null || !qualifierValue.equals(amount.path(qualifier).asText()) || !amount.hasNonNull("value")) {
            return;
        }
        try {
            JsonNode nativeValue = codec.toNative(amount.get("value"));
            if (nativeValue != null) {
                target.put(path, nativeValue);
            }
        } catch (IllegalArgumentException e) {
            throw context.unwritable(pointer + "/value", "'" + amount.get("value").asText() + "' " + e.getMessage(), e);
        }
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(new MappingRow(path.expression(), pointer + "/value", codec.description()),
                new MappingRow("(implied)", pointer + "/" + qualifier, "always " + qualifierValue + " in this format"));
    }
}
