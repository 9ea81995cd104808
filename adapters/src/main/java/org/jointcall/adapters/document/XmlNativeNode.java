package org.jointcall.adapters.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jointcall.adapters.spi.SourcePosition;
import org.jointcall.adapters.spi.TranslationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** An XML element of a native document; positions are the line and column where elements start. */
final class XmlNativeNode implements NativeNode {

    private final String agency;
    private final Element element;

    XmlNativeNode(String agency, Element element) {
        this.agency = agency;
        this.element = element;
    }

    Element element() {
        return element;
    }

    /**
     * The nodes a child-step path selects, in document order. Walked directly on the DOM: the JDK's XPath
     * engine builds a DTM of the whole document on every evaluation, which made XML agencies several times
     * slower than JSON ones; the paths were compiled by it once, so the syntax is still XPath's.
     */
    private List<Node> select(NativePath path) {
        XmlNativePath xmlPath = (XmlNativePath) path;
        List<Element> current = List.of(element);
        for (String name : xmlPath.elements()) {
            List<Element> next = new ArrayList<>();
            for (Element parent : current) {
                for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element candidate && candidate.getTagName().equals(name)) {
                        next.add(candidate);
                    }
                }
            }
            current = next;
        }
        List<Node> selected = new ArrayList<>(current.size());
        for (Element found : current) {
            if (xmlPath.attribute() == null) {
                selected.add(found);
            } else if (found.hasAttribute(xmlPath.attribute())) {
                selected.add(found.getAttributeNode(xmlPath.attribute()));
            }
        }
        return selected;
    }

    @Override
    public Optional<NativeScalar> scalar(NativePath path) {
        List<Node> nodes = select(path);
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        Node node = nodes.get(0);
        Element owner = node instanceof Attr attr ? attr.getOwnerElement() : (Element) node;
        String field = pathOf(owner) + (node instanceof Attr attr ? "/@" + attr.getName() : "");
        if (nodes.size() > 1) {
            throw new TranslationException(agency, field, positionOf((Element) nodes.get(1)),
                    "expected one " + path.expression() + ", found " + nodes.size());
        }
        return Optional.of(new NativeScalar(TextNode.valueOf(node.getTextContent()), field, positionOf(owner)));
    }

    @Override
    public List<NativeScalar> scalars(NativePath path) {
        List<NativeScalar> values = new ArrayList<>();
        for (Node node : select(path)) {
            Element owner = node instanceof Attr attr ? attr.getOwnerElement() : (Element) node;
            values.add(new NativeScalar(TextNode.valueOf(node.getTextContent()), pathOf(owner), positionOf(owner)));
        }
        return values;
    }

    @Override
    public void add(NativePath path, JsonNode value) {
        put(path, value);
    }

    @Override
    public List<NativeNode> children(NativePath path) {
        List<NativeNode> children = new ArrayList<>();
        for (Node node : select(path)) {
            children.add(new XmlNativeNode(agency, (Element) node));
        }
        return children;
    }

    @Override
    public void put(NativePath path, JsonNode value) {
        XmlNativePath xmlPath = (XmlNativePath) path;
        List<String> names = xmlPath.elements();
        if (xmlPath.attribute() != null) {
            walk(names, names.size()).setAttribute(xmlPath.attribute(), text(value));
        } else {
            Element parent = walk(names, names.size() - 1);
            Element leaf = element.getOwnerDocument().createElementNS(null, names.get(names.size() - 1));
            leaf.setTextContent(text(value));
            parent.appendChild(leaf);
        }
    }

    @Override
    public NativeNode child(NativePath path) {
        List<String> names = ((XmlNativePath) path).elements();
        return new XmlNativeNode(agency, walk(names, names.size()));
    }

    @Override
    public NativeNode append(NativePath path) {
        List<String> names = ((XmlNativePath) path).elements();
        Element parent = walk(names, names.size() - 1);
        Element child = element.getOwnerDocument().createElementNS(null, names.get(names.size() - 1));
        parent.appendChild(child);
        return new XmlNativeNode(agency, child);
    }

    /** XML text of a value; numbers in plain notation (XSD decimals have no exponent). */
    private static String text(JsonNode value) {
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    /** Walks the first {@code count} element steps, reusing the last matching child or creating it. */
    private Element walk(List<String> names, int count) {
        Element current = element;
        for (int i = 0; i < count; i++) {
            Element next = null;
            for (Node child = current.getLastChild(); child != null && next == null; child = child.getPreviousSibling()) {
                if (child instanceof Element candidate && candidate.getTagName().equals(names.get(i))) {
                    next = candidate;
                }
            }
            if (next == null) {
                next = element.getOwnerDocument().createElementNS(null, names.get(i));
                current.appendChild(next);
            }
            current = next;
        }
        return current;
    }

    private static SourcePosition positionOf(Element element) {
        Object line = element.getUserData(PositionalDomBuilder.LINE);
        Object column = element.getUserData(PositionalDomBuilder.COLUMN);
        return line instanceof Integer l && column instanceof Integer c && l > 0
                ? SourcePosition.lineColumn(l, c) : SourcePosition.unknown();
    }

    /** An XPath-like location such as {@code /Antrag/Team/Person[2]/ORCID}, indexes only where names repeat. */
    private static String pathOf(Element element) {
        StringBuilder path = new StringBuilder();
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            int index = 0;
            int count = 0;
            for (Node sibling = e.getParentNode().getFirstChild(); sibling != null; sibling = sibling.getNextSibling()) {
                if (sibling instanceof Element s && s.getTagName().equals(e.getTagName())) {
                    count++;
                    index = s == e ? count : index;
                }
            }
            path.insert(0, "/" + e.getTagName() + (count > 1 ? "[" + index + "]" : ""));
        }
        return path.toString();
    }

    @Override
    public SourcePosition position() {
        return positionOf(element);
    }

    @Override
    public String location() {
        return pathOf(element);
    }
}
