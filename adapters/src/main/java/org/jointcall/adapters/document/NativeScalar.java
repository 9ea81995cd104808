package org.jointcall.adapters.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.jointcall.adapters.spi.SourcePosition;

/**
 * One leaf value read from a native document, with the name and position needed to blame it.
 * JSON leaves keep their JSON type (number, string, boolean); XML leaves are always text.
 *
 * @param value    the value, never JSON null
 * @param field    the native field, as a JSON pointer or an element/attribute path
 * @param position where it is in the native bytes
 */
public record NativeScalar(JsonNode value, String field, SourcePosition position) {

    public NativeScalar {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(position, "position");
    }

    public String text() {
        return value.asText();
    }
}
