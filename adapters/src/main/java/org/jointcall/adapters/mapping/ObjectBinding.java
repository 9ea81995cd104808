package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jointcall.adapters.document.NativeNode;
import org.jointcall.adapters.document.NativePath;

/**
 * An optional native object/element ⇄ an optional canonical object, so that the same child bindings
 * (a proposal part, a review) can be reused wherever that structure is embedded: at the top of its own
 * message and inside every track of a joint proposal record. Nothing is written for an absent object,
 * and nothing is created in the canonical form for an absent native one.
 */
final class ObjectBinding implements Binding {

    private final NativePath path;
    private final String pointer;
    private final List<Binding> children;

    ObjectBinding(NativePath path, String pointer, List<Binding> children) {
        this.path = path;
        this.pointer = CanonicalTree.checked(pointer);
        this.children = List.copyOf(children);
    }

    @Override
    public void read(NativeNode source, ObjectNode canonical, MappingContext context) {
        List<NativeNode> nodes = source.children(path);
        if (nodes.isEmpty()) {
            return;
        }
        ObjectNode object = CanonicalTree.object(canonical, pointer);
        MappingContext objectContext = context.nested(pointer);
        for (Binding child : children) {
            child.read(nodes.get(0), object, objectContext);
        }
    }

    @Override
    public List<MappingRow> rows() {
        return MappingRow.nested(path.expression(), pointer, children);
    }

    @Override
    public void write(JsonNode canonical, NativeNode target, MappingContext context) {
        JsonNode object = CanonicalTree.get(canonical, pointer);
        if (object == null) {
            return;
        }
        NativeNode node = target.child(path);
        MappingContext objectContext = context.nested(pointer);
        for (Binding child : children) {
            child.write(object, node, objectContext);
        }
    }
}
