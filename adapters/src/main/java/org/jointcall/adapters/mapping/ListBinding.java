package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jointcall.adapters.document.NativeNode;
import org.jointcall.adapters.document.NativePath;
import org.jointcall.adapters.document.NativeScalar;

/** Repeated native leaves (a JSON array of strings, repeated XML elements) ⇄ a canonical array of values. */
final class ListBinding implements Binding {

    private final NativePath path;
    private final String pointer;
    private final ValueCodec codec;

    ListBinding(NativePath path, String pointer, ValueCodec codec) {
        this.path = path;
        this.pointer = CanonicalTree.checked(pointer);
        this.codec = codec;
    }

    @Override
    public void read(NativeNode source, ObjectNode canonical, MappingContext context) {
        List<NativeScalar> values = source.scalars(path);
        if (values.isEmpty()) {
            return;
        }
        ArrayNode array = canonical.arrayNode();
        for (NativeScalar value : values) {
            try {
                array.add(codec.toCanonical(value.value()));
            } catch (IllegalArgumentException e) {
                throw context.invalid(value, e);
            }
        }
        CanonicalTree.set(canonical, pointer, array);
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(new MappingRow(path.expression() + "[*]", pointer + "/*", codec.description()));
    }

    @Override
    public void write(JsonNode canonical, NativeNode target, MappingContext context) {
        JsonNode values = CanonicalTree.get(canonical, pointer);
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            JsonNode nativeValue;
            try {
                nativeValue = codec.toNative(values.get(i));
            } catch (IllegalArgumentException e) {
                throw context.unwritable(pointer + "/" + i, e.getMessage(), e);
            }
            if (nativeValue != null) {
                target.add(path, nativeValue);
            }
        }
    }
}
