package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Converts one leaf value between its native and canonical spelling (a date pattern, a code table, an
 * id check). A codec throws {@link IllegalArgumentException} with a sentence saying what is wrong and
 * what would be right; the engine adds the agency, field and position. Immutable and thread-safe.
 */
public interface ValueCodec {

    /** The canonical value for a native one. */
    JsonNode toCanonical(JsonNode nativeValue);

    /** The native value for a canonical one, or null when this native format has no way to say it. */
    JsonNode toNative(JsonNode canonicalValue);

    /** How the value is converted, for the field-mapping documentation. */
    default String description() {
        return "verbatim";
    }

    /** This codec applied after {@code next} on the way in, before it on the way out. */
    default ValueCodec then(ValueCodec next) {
        ValueCodec first = this;
        return new ValueCodec() {
            @Override
            public JsonNode toCanonical(JsonNode nativeValue) {
                return next.toCanonical(first.toCanonical(nativeValue));
            }

            @Override
            public String description() {
                return first.description() + "; " + next.description();
            }

            @Override
            public JsonNode toNative(JsonNode canonicalValue) {
                JsonNode intermediate = next.toNative(canonicalValue);
                return intermediate == null ? null : first.toNative(intermediate);
            }
        };
    }
}
