package org.jointcall.signature.structured;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which fields are structured, and of which type.
 *
 * <p>A field's structured type is not visible in its value ({@code a=1} is a valid dictionary and a
 * valid token-less nothing); RFC 9421's {@code ;sf} and {@code ;key} therefore only work for fields
 * whose type is known in advance. The defaults list the fields that their own RFCs define as
 * structured; a deployment can add its own with {@link #with}.
 */
public final class KnownFieldTypes {

    private static final KnownFieldTypes DEFAULTS = new KnownFieldTypes(Map.ofEntries(
            Map.entry("signature", StructuredFieldType.DICTIONARY),
            Map.entry("signature-input", StructuredFieldType.DICTIONARY),
            Map.entry("accept-signature", StructuredFieldType.DICTIONARY),
            Map.entry("content-digest", StructuredFieldType.DICTIONARY),
            Map.entry("repr-digest", StructuredFieldType.DICTIONARY),
            Map.entry("want-content-digest", StructuredFieldType.DICTIONARY),
            Map.entry("want-repr-digest", StructuredFieldType.DICTIONARY),
            Map.entry("priority", StructuredFieldType.DICTIONARY),
            Map.entry("cdn-cache-control", StructuredFieldType.DICTIONARY),
            Map.entry("cache-status", StructuredFieldType.LIST),
            Map.entry("proxy-status", StructuredFieldType.LIST),
            Map.entry("accept-ch", StructuredFieldType.LIST),
            Map.entry("client-cert", StructuredFieldType.ITEM),
            Map.entry("client-cert-chain", StructuredFieldType.LIST)));

    private final Map<String, StructuredFieldType> types;

    private KnownFieldTypes(Map<String, StructuredFieldType> types) {
        this.types = Map.copyOf(types);
    }

    /** The fields defined as structured by RFC 9421, RFC 9530, RFC 9218, RFC 9211, RFC 9209, RFC 9213, RFC 8942 and RFC 9440. */
    public static KnownFieldTypes defaults() {
        return DEFAULTS;
    }

    /** A copy that also knows {@code fieldName} as {@code type}. */
    public KnownFieldTypes with(String fieldName, StructuredFieldType type) {
        Map<String, StructuredFieldType> copy = new HashMap<>(types);
        copy.put(fieldName.toLowerCase(Locale.ROOT), type);
        return new KnownFieldTypes(copy);
    }

    /** The structured type of {@code fieldName} (any case), if known. */
    public Optional<StructuredFieldType> typeOf(String fieldName) {
        return Optional.ofNullable(types.get(fieldName.toLowerCase(Locale.ROOT)));
    }
}
