package org.jointcall.contracts.binding;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.jointcall.contracts.v1.CanonicalMessage;

/**
 * Finds text that XML 1.0 cannot carry in a message built in code or read from JSON: control
 * characters and unpaired UTF-16 surrogates (a JSON {@code "\uD83E"} escape alone). JAXB would
 * write such text without complaint and produce a document no partner can read, so the codec
 * refuses it first and names the field.
 */
final class XmlTextCheck {

    private static final Package GENERATED = CanonicalMessage.class.getPackage();

    private XmlTextCheck() {
    }

    static List<MessageProblem> problems(Object root) {
        List<MessageProblem> problems = new ArrayList<>();
        walk(root, "", problems);
        return problems;
    }

    /**
     * Every message written passes here, so each generated class's fields are looked up once and a field's
     * path is only spelled out when the walk goes into it or reports it.
     */
    private static final ClassValue<List<NamedField>> FIELDS = new ClassValue<>() {
        @Override
        protected List<NamedField> computeValue(Class<?> type) {
            List<NamedField> fields = new ArrayList<>();
            for (Class<?> c = type; c.getPackage() == GENERATED; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        fields.add(new NamedField(field, nameOf(field)));
                    }
                }
            }
            return List.copyOf(fields);
        }
    };

    private record NamedField(Field field, String name) {
        String pathFrom(String parent) {
            return parent.isEmpty() ? name : parent + "." + name;
        }
    }

    private static void walk(Object node, String path, List<MessageProblem> problems) {
        for (NamedField named : FIELDS.get(node.getClass())) {
            Object value = read(named.field(), node);
            if (value instanceof List) {
                List<?> items = (List<?>) value;
                for (int i = 0; i < items.size(); i++) {
                    visit(items.get(i), named, path, i, problems);
                }
            } else {
                visit(value, named, path, -1, problems);
            }
        }
    }

    /** {@code index} is the item's place in a repeated field, or -1 for a single value. */
    private static void visit(Object value, NamedField named, String parent, int index, List<MessageProblem> problems) {
        if (value instanceof String) {
            String reason = reasonIfUnwritable((String) value);
            if (reason != null) {
                problems.add(new MessageProblem(pathOf(named, parent, index), reason, 0, 0));
            }
        } else if (value != null && value.getClass().getPackage() == GENERATED && !value.getClass().isEnum()) {
            walk(value, pathOf(named, parent, index), problems);
        }
    }

    private static String pathOf(NamedField named, String parent, int index) {
        return index < 0 ? named.pathFrom(parent) : named.pathFrom(parent) + "[" + index + "]";
    }

    /** Why XML 1.0 cannot carry this text, or null if it can. */
    static String reasonIfUnwritable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("character %d is an unpaired UTF-16 surrogate U+%04X; text must be valid Unicode", i, (int) c);
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return String.format("character %d (U+%04X) is not allowed in XML 1.0 text", i, (int) c);
            }
        }
        return null;
    }

    private static String nameOf(Field field) {
        XmlElement element = field.getAnnotation(XmlElement.class);
        if (element != null && !"##default".equals(element.name())) {
            return element.name();
        }
        XmlAttribute attribute = field.getAnnotation(XmlAttribute.class);
        if (attribute != null && !"##default".equals(attribute.name())) {
            return attribute.name();
        }
        return field.isAnnotationPresent(XmlValue.class) ? "value" : field.getName();
    }

    private static Object read(Field field, Object node) {
        try {
            return field.get(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read generated field " + field, e);
        }
    }
}
