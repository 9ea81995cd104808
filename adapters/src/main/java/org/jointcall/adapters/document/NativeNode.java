package org.jointcall.adapters.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.jointcall.adapters.spi.SourcePosition;

/**
 * A JSON object or XML element of a native document seen the same way by every field mapping, so that
 * one mapping engine serves JSON and XML agencies alike. Reads return where the value was found;
 * writes create whatever intermediate structure the path needs.
 */
public interface NativeNode {

    /** The single leaf at {@code path}, or empty when absent (JSON null counts as absent). */
    Optional<NativeScalar> scalar(NativePath path);

    /** The repeated leaf values at {@code path} (a JSON array of values, repeated XML elements), in order. */
    List<NativeScalar> scalars(NativePath path);

    /** Appends one leaf value to the repeated values at {@code path}. */
    void add(NativePath path, JsonNode value);

    /** The repeated child objects/elements at {@code path}, in document order. */
    List<NativeNode> children(NativePath path);

    /** Writes one leaf value; XML writes its text form. */
    void put(NativePath path, JsonNode value);

    /** The single child object/element at {@code path}, created if absent (for nested, non-repeated structure). */
    NativeNode child(NativePath path);

    /** Appends and returns a new child object/element at {@code path}. */
    NativeNode append(NativePath path);

    /** This node's own position, for errors about the node as a whole. */
    SourcePosition position();

    /** This node's location as a field name (JSON pointer or element path). */
    String location();
}
