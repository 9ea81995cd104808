package org.jointcall.adapters.mapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jointcall.adapters.document.NativeFormat;
import org.jointcall.adapters.document.NativeNode;
import org.jointcall.adapters.document.NativePath;
import org.jointcall.adapters.document.NativeScalar;
import org.jointcall.adapters.document.ParsedDocument;
import org.jointcall.adapters.spi.TranslationException;
import org.jointcall.contracts.v1.MessageKind;

/**
 * Everything that makes up one agency's format: its code, its native format (with schema), how a
 * message announces its kind, and the shape of each kind. Built once, by Java code or from a mapping
 * file, and immutable afterwards.
 */
public final class AgencyMapping {

    private final String agency;
    private final NativeFormat format;
    private final NativePath typeField;
    private final Map<MessageKind, MessageShape> shapes;

    /**
     * @param typeField the JSON field naming the message type; null for XML, where the root element does
     */
    public AgencyMapping(String agency, NativeFormat format, NativePath typeField, List<MessageShape> shapes) {
        this.agency = Objects.requireNonNull(agency, "agency");
        this.format = Objects.requireNonNull(format, "format");
        this.typeField = typeField;
        this.shapes = new EnumMap<>(MessageKind.class);
        for (MessageShape shape : shapes) {
            if (this.shapes.put(shape.kind(), shape) != null) {
                throw new IllegalArgumentException(agency + " maps message kind " + shape.kind() + " twice");
            }
        }
    }

    public String agency() {
        return agency;
    }

    public NativeFormat format() {
        return format;
    }

    public Map<MessageKind, MessageShape> shapes() {
        return Map.copyOf(shapes);
    }

    /** The shape of the kind a parsed document announces. */
    MessageShape shapeOf(ParsedDocument document) {
        if (typeField == null) {
            for (MessageShape shape : shapes.values()) {
                if (shape.rootName().equals(document.rootName())) {
                    return shape;
                }
            }
            throw new TranslationException(agency, "/" + document.rootName(), document.root().position(),
                    "root element " + document.rootName() + " is not a message this gateway exchanges; expected one of " + names(true));
        }
        Optional<NativeScalar> type = document.root().scalar(typeField);
        if (type.isEmpty()) {
            throw new TranslationException(agency, typeField.expression(), document.root().position(),
                    "the message type is missing; expected one of " + names(false));
        }
        for (MessageShape shape : shapes.values()) {
            if (shape.typeValue().equals(type.get().text())) {
                return shape;
            }
        }
        throw new TranslationException(agency, type.get().field(), type.get().position(),
                "unknown message type '" + type.get().text() + "'; expected one of " + names(false));
    }

    /** The shape for writing a canonical kind, or an error naming the kinds this agency exchanges. */
    MessageShape shapeFor(MessageKind kind, MappingContext context) {
        MessageShape shape = shapes.get(kind);
        if (shape == null) {
            throw context.unwritable("/kind", agency + " does not exchange " + kind + " messages; it exchanges " + shapes.keySet(), null);
        }
        return shape;
    }

    /** A new native document announcing {@code shape}'s kind. */
    NativeNode start(MessageShape shape) {
        NativeNode root = format.newDocument(shape.rootName());
        if (typeField != null) {
            root.put(typeField, com.fasterxml.jackson.databind.node.TextNode.valueOf(shape.typeValue()));
        }
        return root;
    }

    private List<String> names(boolean roots) {
        List<String> names = new ArrayList<>();
        shapes.values().forEach(shape -> names.add(roots ? shape.rootName() : shape.typeValue()));
        return names;
    }
}
