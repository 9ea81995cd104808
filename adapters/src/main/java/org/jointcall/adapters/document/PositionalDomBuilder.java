package org.jointcall.adapters.document;

import java.util.ArrayDeque;
import java.util.Deque;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds a DOM from SAX events and stamps every element with the line and column where it started, which
 * a DOM parser forgets. Knowing the open elements also lets a validation error name the field it is about.
 */
final class PositionalDomBuilder extends DefaultHandler {

    static final String LINE = "jointcall.line";
    static final String COLUMN = "jointcall.column";

    private final Document document;
    private final Deque<Element> open = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private Locator locator;

    PositionalDomBuilder(Document document) {
        this.document = document;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        flushText();
        Element element = document.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
        for (int i = 0; i < attributes.getLength(); i++) {
            String attributeUri = attributes.getURI(i);
            element.setAttributeNS(attributeUri == null || attributeUri.isEmpty() ? null : attributeUri,
                    attributes.getQName(i), attributes.getValue(i));
        }
        if (locator != null) {
            element.setUserData(LINE, locator.getLineNumber(), null);
            element.setUserData(COLUMN, locator.getColumnNumber(), null);
        }
        Node parent = open.isEmpty() ? document : open.peek();
        parent.appendChild(element);
        open.push(element);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        Element element = open.pop();
        String content = text.toString();
        if (!content.isEmpty() && (element.getFirstChild() == null || !content.isBlank())) {
            element.appendChild(document.createTextNode(content));
        }
        text.setLength(0);
    }

    private void flushText() {
        if (!text.toString().isBlank() && !open.isEmpty()) {
            open.peek().appendChild(document.createTextNode(text.toString()));
        }
        text.setLength(0);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    /** The element path open at the moment, e.g. {@code /Antrag/Budget/Betrag}. */
    String currentPath() {
        StringBuilder path = new StringBuilder();
        open.descendingIterator().forEachRemaining(e -> path.append('/').append(e.getTagName()));
        return path.toString();
    }
}
