package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jointcall.adapters.document.NativeNode;

/**
 * One correspondence between a native field (or group of fields) and the canonical JSON form, declared
 * once and used in both directions so that reading and writing cannot drift apart.
 * Implementations are immutable and thread-safe.
 */
public interface Binding {

    /** Reads from the native node into the canonical object at the same level. */
    void read(NativeNode source, ObjectNode canonical, MappingContext context);

    /** Writes from the canonical object into the native node at the same level. */
    void write(JsonNode canonical, NativeNode target, MappingContext context);

    /** This binding as rows of the agency's field-mapping table (the documentation is generated from them). */
    List<MappingRow> rows();
}
