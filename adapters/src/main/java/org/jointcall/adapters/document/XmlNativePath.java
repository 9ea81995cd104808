package org.jointcall.adapters.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

/**
 * A relative XPath of child steps, optionally ending in an attribute ({@code Mittel/Beginn},
 * {@code Betrag/@waehrung}). The JDK's XPath compiler checks the syntax when a mapping is built; reading
 * and writing then walk the same child steps on the DOM, which is why only child and attribute steps are
 * accepted (they are also the only ones that can be written).
 */
final class XmlNativePath implements NativePath {

    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}._-]*");

    private final String expression;
    private final List<String> elements;
    private final String attribute;

    private XmlNativePath(String expression, List<String> elements, String attribute) {
        this.expression = expression;
        this.elements = elements;
        this.attribute = attribute;
    }

    static XmlNativePath compile(String expression) {
        compileOrFail(expression);
        String[] parts = expression.split("/", -1);
        List<String> elements = new ArrayList<>();
        String attribute = null;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (last && part.startsWith("@") && NAME.matcher(part.substring(1)).matches()) {
                attribute = part.substring(1);
            } else if (NAME.matcher(part).matches()) {
                elements.add(part);
            } else {
                throw new IllegalArgumentException("XPath '" + expression + "': step '" + part
                        + "' is not a child element name (or a final @attribute); mappings are bidirectional, so paths must be writable");
            }
        }
        return new XmlNativePath(expression, List.copyOf(elements), attribute);
    }

    private static void compileOrFail(String expression) {
        try {
            XPathFactory.newInstance().newXPath().compile(expression);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("XPath '" + expression + "' does not compile: " + e.getMessage(), e);
        }
    }

    /** Element names to walk, in order. */
    List<String> elements() {
        return elements;
    }

    /** The final attribute name, or null when the path ends in an element. */
    String attribute() {
        return attribute;
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
