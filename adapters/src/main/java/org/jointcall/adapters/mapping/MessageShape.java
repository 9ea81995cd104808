package org.jointcall.adapters.mapping;

import java.util.List;
import java.util.Objects;
import org.jointcall.contracts.v1.MessageKind;

/**
 * How one message kind looks in an agency's format: the root element that announces it (XML) or the
 * value of the type field that does (JSON), and the bindings of its fields.
 *
 * @param kind          the canonical kind
 * @param rootName      the XML root element name; ignored for JSON
 * @param typeValue     the value of the agency's message-type field; ignored for XML
 * @param bindings      the fields, in the order the native schema wants them
 */
public record MessageShape(MessageKind kind, String rootName, String typeValue, List<Binding> bindings) {

    public MessageShape {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rootName, "rootName");
        Objects.requireNonNull(typeValue, "typeValue");
        bindings = List.copyOf(bindings);
    }

    public static MessageShape xml(MessageKind kind, String rootName, List<Binding> bindings) {
        return new MessageShape(kind, rootName, "", bindings);
    }

    public static MessageShape json(MessageKind kind, String typeValue, List<Binding> bindings) {
        return new MessageShape(kind, "", typeValue, bindings);
    }
}
