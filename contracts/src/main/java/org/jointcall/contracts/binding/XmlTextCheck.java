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

    private static void walk(Object node, String path, List<MessageProblem> problems) {
        for (Class<?> type = node.getClass(); type.getPackage() == GENERATED; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                String name = path.isEmpty() ? nameOf(field) : path + "." + nameOf(field);
                Object value = read(field, node);
                if (value instanceof List) {
                    List<?> items = (List<?>) value;
                    for (int i = 0; i < items.size(); i++) {
                        visit(items.get(i), name + "[" + i + "]", problems);
                    }
                } else {
                    visit(value, name, problems);
                }
            }
        }
    }

    private static void visit(Object value, String path, List<MessageProblem> problems) {
        if (value instanceof String) {
            String reason = reasonIfUnwritable((String) value);
            if (reason != null) {
                problems.add(new MessageProblem(path, reason, 0, 0));
            }
        } else if (value != null && value.getClass().getPackage() == GENERATED && !value.getClass().isEnum()) {
            walk(value, path, problems);
        }
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
            field.setAccessible(true);
            return field.get(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read generated field " + field, e);
        }
    }
}
