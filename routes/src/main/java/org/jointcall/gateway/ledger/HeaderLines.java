package org.jointcall.gateway.ledger;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.jointcall.signature.message.HttpFields;

/**
 * Header lines as stored in the ledger's jsonb columns: an array of {@code [name, value]} pairs, so
 * order and repeated fields survive — what a later signature re-check needs.
 */
public final class HeaderLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HeaderLines() {
    }

    public static String toJson(HttpFields fields) {
        ArrayNode array = JSON.createArrayNode();
        for (HttpFields.FieldLine line : fields.lines()) {
            array.addArray().add(line.name()).add(line.value());
        }
        return array.toString();
    }

    public static HttpFields fromJson(String json) {
        try {
            List<HttpFields.FieldLine> lines = new ArrayList<>();
            for (JsonNode pair : JSON.readTree(json)) {
                lines.add(new HttpFields.FieldLine(pair.get(0).asText(), pair.get(1).asText()));
            }
            return HttpFields.of(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored header lines are not a JSON array of [name, value] pairs: " + e.getMessage(), e);
        }
    }
}
