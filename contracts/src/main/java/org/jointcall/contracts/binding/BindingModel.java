package org.jointcall.contracts.binding;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the generated classes say about the XML tree: for an element inside a given type, its Java
 * type and whether it repeats. Read from the JAXB annotations, so field paths in error messages
 * ({@code proposalPart.person[1].orcid}) follow the schema without a hand-kept list of names.
 */
final class BindingModel {

    /** A child element: the generated type it binds to and whether it may occur more than once. */
    static final class Child {
        final Class<?> type;
        final boolean repeated;

        Child(Class<?> type, boolean repeated) {
            this.type = type;
            this.repeated = repeated;
        }
    }

    private static final Child UNKNOWN = new Child(Object.class, false);

    private static final ClassValue<Map<String, Child>> CHILDREN = new ClassValue<>() {
        @Override
        protected Map<String, Child> computeValue(Class<?> type) {
            Map<String, Child> children = new HashMap<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!isElement(field)) {
                        continue;
                    }
                    XmlElement element = field.getAnnotation(XmlElement.class);
                    String name = element == null || "##default".equals(element.name()) ? field.getName() : element.name();
                    boolean repeated = List.class.isAssignableFrom(field.getType());
                    Class<?> childType = repeated ? listElementType(field) : field.getType();
                    children.put(name, new Child(childType, repeated));
                }
            }
            return Map.copyOf(children);
        }
    };

    private BindingModel() {
    }

    static Child child(Class<?> parent, String elementName) {
        return CHILDREN.get(parent).getOrDefault(elementName, UNKNOWN);
    }

    private static boolean isElement(Field field) {
        int modifiers = field.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
                && !field.isAnnotationPresent(XmlAttribute.class)
                && !field.isAnnotationPresent(XmlValue.class)
                && !field.isAnnotationPresent(XmlTransient.class);
    }

    private static Class<?> listElementType(Field field) {
        if (field.getGenericType() instanceof ParameterizedType) {
            java.lang.reflect.Type argument = ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
            if (argument instanceof Class) {
                return (Class<?>) argument;
            }
        }
        return Object.class;
    }
}
