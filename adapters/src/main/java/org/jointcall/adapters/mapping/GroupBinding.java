package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jointcall.adapters.document.NativeNode;
import org.jointcall.adapters.document.NativePath;

/**
 * Repeated native objects/elements ⇄ a canonical array of objects, each element mapped by the same child
 * bindings with pointers relative to the element (team members, tracks, conditions with structure).
 */
final class GroupBinding implements Binding {

    private final NativePath path;
    private final String pointer;
    private final List<Binding> children;

    GroupBinding(NativePath path, String pointer, List<Binding> children) {
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
        ArrayNode array = canonical.arrayNode();
        for (int i = 0; i < nodes.size(); i++) {
            ObjectNode element = array.addObject();
            MappingContext elementContext = context.element(pointer, i);
            for (Binding child : children) {
                child.read(nodes.get(i), element, elementContext);
            }
        }
        CanonicalTree.set(canonical, pointer, array);
    }

    @Override
    public List<MappingRow> rows() {
        return MappingRow.nested(path.expression() + "[*]", pointer + "/*", children);
    }

    @Override
    public void write(JsonNode canonical, NativeNode target, MappingContext context) {
        JsonNode elements = CanonicalTree.get(canonical, pointer);
        if (elements == null) {
            return;
        }
        for (int i = 0; i < elements.size(); i++) {
            NativeNode node = target.append(path);
            MappingContext elementContext = context.element(pointer, i);
            for (Binding child : children) {
                child.write(elements.get(i), node, elementContext);
            }
        }
    }
}
