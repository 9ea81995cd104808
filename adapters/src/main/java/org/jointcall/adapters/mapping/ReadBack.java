package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointcall.adapters.spi.TranslationNote;

/**
 * Finds what a native format could not carry by comparing the canonical message that went out with
 * the one read back from the written document. Comparing results rather than trusting each binding to
 * declare its losses means a forgotten field, a dropped offset or a rounded amount is reported even
 * when nobody thought of it.
 */
final class ReadBack {

    private ReadBack() {
    }

    static List<TranslationNote> losses(JsonNode sent, JsonNode readBack, String agency) {
        Map<String, JsonNode> before = leaves(sent);
        Map<String, JsonNode> after = leaves(readBack);
        List<TranslationNote> notes = new ArrayList<>();
        before.forEach((pointer, value) -> {
            JsonNode kept = after.get(pointer);
            if (kept == null) {
                notes.add(new TranslationNote(TranslationNote.Kind.NOT_CARRIED, pointer,
                        "the " + agency + " format has no place for '" + value.asText() + "'"));
            } else if (!same(value, kept)) {
                notes.add(new TranslationNote(TranslationNote.Kind.NOT_CARRIED, pointer,
                        "the " + agency + " format carries '" + value.asText() + "' only as '" + kept.asText() + "'"));
            }
        });
        return notes;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.asText().equals(b.asText());
    }

    /** Every non-null leaf by JSON pointer, in document order. */
    static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect(root, "", leaves);
        return leaves;
    }

    private static void collect(JsonNode node, String pointer, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, leaves);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            leaves.put(pointer, node);
        }
    }
}
