package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.jointcall.adapters.document.NativeNode;
import org.jointcall.adapters.document.NativePath;
import org.jointcall.adapters.document.NativeScalar;

/**
 * A canonical value computed from a native one that is mapped by another binding: the normalised score
 * band from the native score. The native format keeps only its own score, so writing adds nothing;
 * a band that disagrees with the score is reported as not carried by the read-back comparison.
 */
final class DerivedBinding implements Binding {

    private final NativePath source;
    private final String pointer;
    private final ValueCodec derivation;

    DerivedBinding(NativePath source, String pointer, ValueCodec derivation) {
        this.source = source;
        this.pointer = CanonicalTree.checked(pointer);
        this.derivation = derivation;
    }

    @Override
    public void read(NativeNode node, ObjectNode canonical, MappingContext context) {
        Optional<NativeScalar> value = node.scalar(source);
        if (value.isPresent()) {
            try {
                CanonicalTree.set(canonical, pointer, derivation.toCanonical(value.get().value()));
            } catch (IllegalArgumentException e) {
                throw context.invalid(value.get(), e);
            }
        }
    }

    @Override
    public List<MappingRow> rows() {
        return List.of(new MappingRow(source.expression(), pointer, "derived on reading: " + derivation.description()));
    }

    @Override
    public void write(JsonNode canonical, NativeNode target, MappingContext context) {
        // Derived on the way in; the native format has only its own score.
    }
}
