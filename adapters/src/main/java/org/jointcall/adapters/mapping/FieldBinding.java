package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.jointcall.adapters.document.NativeNode;
import org.jointcall.adapters.document.NativePath;
import org.jointcall.adapters.document.NativeScalar;

/** One native leaf ⇄ one canonical leaf through a codec. */
final class FieldBinding implements Binding {

    private final NativePath path;
    private final String pointer;
    private final ValueCodec codec;

    FieldBinding(NativePath path, String pointer, ValueCodec codec) {
        this.path = path;
        this.pointer = CanonicalTree.checked(pointer);
        this.codec = codec;
    }

    @Override
    public void read(NativeNode source, ObjectNode canonical, MappingContext context) {
        Optional<NativeScalar> value = source.scalar(path);
        if (value.isPresent()) {
            try {
                CanonicalTree.set(canonical, pointer, codec.toCanonical(value.get().value()));
            } catch (IllegalArgumentException e) {
                throw context.invalid(value.get(), e);
            }
        }
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(new MappingRow(path.expression(), pointer, codec.description()));
    }

    @Override
    public void write(JsonNode canonical, NativeNode target, MappingContext context) {
        JsonNode value = CanonicalTree.get(canonical, pointer);
        if (value == null) {
            return;
        }
        JsonNode nativeValue;
        try {
            nativeValue = codec.toNative(value);
        } catch (IllegalArgumentException e) {
            throw context.unwritable(pointer, "'" + value.asText() + "' cannot be written as " + path + ": " + e.getMessage(), e);
        }
        if (nativeValue != null) {
            target.put(path, nativeValue);
        }
    }
}
