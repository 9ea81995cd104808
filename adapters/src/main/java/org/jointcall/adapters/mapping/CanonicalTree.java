package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the canonical JSON form by JSON pointer, creating intermediate objects on write.
 * Bindings address canonical fields this way so that a mapping file can name them as plainly as Java.
 */
public final class CanonicalTree {

    private CanonicalTree() {
    }

    /** The value at {@code pointer}, or null when absent or JSON null. */
    public static JsonNode get(JsonNode root, String pointer) {
        JsonNode found = root.at(pointer);
        return found.isMissingNode() || found.isNull() ? null : found;
    }

    /** Sets the value at {@code pointer} (object steps only), creating the objects on the way. */
    public static void set(ObjectNode root, String pointer, JsonNode value) {
        String[] steps = steps(pointer);
        ObjectNode current = root;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode next = current.get(steps[i]);
            current = next instanceof ObjectNode object ? object : current.putObject(steps[i]);
        }
        current.set(steps[steps.length - 1], value);
    }

    /** The object at {@code pointer}, created (with its parents) when absent. */
    public static ObjectNode object(ObjectNode root, String pointer) {
        ObjectNode current = root;
        for (String step : steps(pointer)) {
            JsonNode next = current.get(step);
            current = next instanceof ObjectNode object ? object : current.putObject(step);
        }
        return current;
    }

    /** Checks that a pointer is an absolute JSON pointer of property steps; used when mappings are built. */
    public static String checked(String pointer) {
        steps(pointer);
        return pointer;
    }

    private static String[] steps(String pointer) {
        if (pointer == null || !pointer.startsWith("/") || pointer.length() < 2) {
            throw new IllegalArgumentException("canonical field '" + pointer + "' should be a JSON pointer such as /proposalPart/title");
        }
        String[] steps = pointer.substring(1).split("/", -1);
        for (int i = 0; i < steps.length; i++) {
            if (steps[i].isEmpty()) {
                throw new IllegalArgumentException("canonical field '" + pointer + "' has an empty step");
            }
            steps[i] = steps[i].replace("~1", "/").replace("~0", "~");
        }
        return steps;
    }
}
