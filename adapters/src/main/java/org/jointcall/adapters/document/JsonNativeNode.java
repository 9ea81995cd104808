package org.jointcall.adapters.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jointcall.adapters.spi.SourcePosition;
import org.jointcall.adapters.spi.TranslationException;

/** A JSON object of a native document; positions are JSON pointers from the document root. */
final class JsonNativeNode implements NativeNode {

    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JsonFormat.MAPPER))
            .mappingProvider(new JacksonMappingProvider(JsonFormat.MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final String agency;
    private final JsonNode node;
    private final String pointer;

    JsonNativeNode(String agency, JsonNode node, String pointer) {
        this.agency = agency;
        this.node = node;
        this.pointer = pointer;
    }

    ObjectNode object() {
        return (ObjectNode) node;
    }

    private JsonNode read(NativePath path) {
        JsonNode found = ((JsonNativePath) path).compiled().read(node, JSON_PATH);
        return found == null || found.isNull() || found.isMissingNode() ? null : found;
    }

    @Override
    public Optional<NativeScalar> scalar(NativePath path) {
        JsonNode found = read(path);
        if (found == null) {
            return Optional.empty();
        }
        String at = pointer + ((JsonNativePath) path).pointerSuffix();
        if (found.isContainerNode()) {
            throw new TranslationException(agency, at, SourcePosition.jsonPointer(at),
                    "expected a single value, found " + found.getNodeType().toString().toLowerCase());
        }
        return Optional.of(new NativeScalar(found, at, SourcePosition.jsonPointer(at)));
    }

    @Override
    public List<NativeScalar> scalars(NativePath path) {
        JsonNode found = read(path);
        if (found == null) {
            return List.of();
        }
        String at = pointer + ((JsonNativePath) path).pointerSuffix();
        if (!found.isArray()) {
            throw new TranslationException(agency, at, SourcePosition.jsonPointer(at), "expected an array of values");
        }
        List<NativeScalar> values = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            String item = at + "/" + i;
            if (found.get(i).isContainerNode()) {
                throw new TranslationException(agency, item, SourcePosition.jsonPointer(item), "expected a single value");
            }
            values.add(new NativeScalar(found.get(i), item, SourcePosition.jsonPointer(item)));
        }
        return values;
    }

    @Override
    public void add(NativePath path, JsonNode value) {
        arrayAt((JsonNativePath) path).add(value);
    }

    private ArrayNode arrayAt(JsonNativePath path) {
        List<Object> steps = path.steps();
        ObjectNode parent = (ObjectNode) walk(steps, steps.size() - 1);
        String name = (String) steps.get(steps.size() - 1);
        return parent.has(name) ? (ArrayNode) parent.get(name) : parent.putArray(name);
    }

    @Override
    public List<NativeNode> children(NativePath path) {
        JsonNode found = read(path);
        if (found == null) {
            return List.of();
        }
        String at = pointer + ((JsonNativePath) path).pointerSuffix();
        if (found.isObject()) {
            return List.of(new JsonNativeNode(agency, found, at));
        }
        if (!found.isArray()) {
            throw new TranslationException(agency, at, SourcePosition.jsonPointer(at), "expected an array of objects");
        }
        List<NativeNode> children = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            children.add(new JsonNativeNode(agency, found.get(i), at + "/" + i));
        }
        return children;
    }

    @Override
    public void put(NativePath path, JsonNode value) {
        List<Object> steps = ((JsonNativePath) path).steps();
        JsonNode parent = walk(steps, steps.size() - 1);
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ArrayNode array = (ArrayNode) parent;
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    @Override
    public NativeNode child(NativePath path) {
        JsonNativePath jsonPath = (JsonNativePath) path;
        ObjectNode parent = (ObjectNode) walk(jsonPath.steps(), jsonPath.steps().size() - 1);
        String name = (String) jsonPath.steps().get(jsonPath.steps().size() - 1);
        JsonNode existing = parent.get(name);
        ObjectNode object = existing instanceof ObjectNode o ? o : parent.putObject(name);
        return new JsonNativeNode(agency, object, pointer + jsonPath.pointerSuffix());
    }

    @Override
    public NativeNode append(NativePath path) {
        JsonNativePath jsonPath = (JsonNativePath) path;
        ArrayNode array = arrayAt(jsonPath);
        ObjectNode child = array.addObject();
        return new JsonNativeNode(agency, child, pointer + jsonPath.pointerSuffix() + "/" + (array.size() - 1));
    }

    /**
     * Walks (creating) the first {@code count} steps; the step after each one decides whether an object or
     * an array is created for it.
     */
    private JsonNode walk(List<Object> steps, int count) {
        JsonNode current = node;
        for (int i = 0; i < count; i++) {
            Object step = steps.get(i);
            boolean nextIsIndex = steps.get(i + 1) instanceof Integer;
            JsonNode next;
            if (step instanceof Integer index) {
                ArrayNode array = (ArrayNode) current;
                while (array.size() <= index) {
                    array.addNull();
                }
                next = array.get(index);
                if (next.isNull()) {
                    next = nextIsIndex ? array.arrayNode() : array.objectNode();
                    array.set(index, next);
                }
            } else {
                ObjectNode object = (ObjectNode) current;
                next = object.get((String) step);
                if (next == null || next.isNull()) {
                    next = nextIsIndex ? object.putArray((String) step) : object.putObject((String) step);
                }
            }
            current = next;
        }
        return current;
    }

    @Override
    public SourcePosition position() {
        return SourcePosition.jsonPointer(pointer);
    }

    @Override
    public String location() {
        return pointer.isEmpty() ? "/" : pointer;
    }
}
