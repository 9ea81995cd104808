package org.jointcall.adapters.mapping;

import java.util.List;

/**
 * One line of an agency's field-mapping table: which native field corresponds to which canonical field,
 * and how the value is converted. The tables next to each agency's schema are generated from these rows,
 * so the documentation cannot drift from the code.
 */
public record MappingRow(String nativeField, String canonicalField, String conversion) {

    /** The rows of child bindings, placed under a native and a canonical prefix. */
    static List<MappingRow> nested(String nativePrefix, String canonicalPrefix, List<Binding> children) {
        return children.stream().flatMap(child -> child.rows().stream())
                .map(row -> new MappingRow(join(nativePrefix, row.nativeField()), join(canonicalPrefix, row.canonicalField()), row.conversion()))
                .toList();
    }

    private static String join(String prefix, String field) {
        if (field.startsWith("(")) {
            return field;
        }
        if (field.startsWith("$")) {
            return prefix + field.substring(1);
        }
        return field.startsWith("/") ? prefix + field : prefix + "/" + field;
    }
}
