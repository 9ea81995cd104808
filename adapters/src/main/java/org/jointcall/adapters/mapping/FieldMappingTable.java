package org.jointcall.adapters.mapping;

import java.util.Map;

/**
 * Renders an agency's mapping as the markdown field-mapping table kept next to its schema. Generating the
 * table from the bindings themselves means the documentation says what the code does, and a test keeps the
 * checked-in copy equal to it.
 */
public final class FieldMappingTable {

    private FieldMappingTable() {
    }

    public static String markdown(AgencyMapping mapping) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(mapping.agency()).append(" ⇄ canonical v1 field mapping\n\n")
                .append("Generated from the adapter's bindings (`FieldMappingTable`); a test keeps this file equal to the code.\n")
                .append("Native paths are JSONPath (JSON formats) or XPath (XML formats); canonical fields are JSON pointers into the\n")
                .append("canonical JSON form. `[*]`/`/*` mark repeated groups. A canonical field missing from a table is not carried by\n")
                .append("this format: writing it is reported in the translation report, never dropped silently.\n");
        for (Map.Entry<org.jointcall.contracts.v1.MessageKind, MessageShape> entry : new java.util.TreeMap<>(mapping.shapes()).entrySet()) {
            MessageShape shape = entry.getValue();
            md.append("\n## ").append(entry.getKey().value()).append(" — ")
                    .append(shape.rootName().isEmpty() ? "type `" + shape.typeValue() + "`" : "root element `" + shape.rootName() + "`")
                    .append("\n\n| native field | canonical field | conversion |\n| --- | --- | --- |\n");
            for (Binding binding : shape.bindings()) {
                for (MappingRow row : binding.rows()) {
                    md.append("| `").append(escape(row.nativeField())).append("` | `").append(escape(row.canonicalField()))
                            .append("` | ").append(escape(row.conversion())).append(" |\n");
                }
            }
        }
        return md.toString();
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
