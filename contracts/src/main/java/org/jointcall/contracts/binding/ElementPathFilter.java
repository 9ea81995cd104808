package org.jointcall.contracts.binding;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Sits between the parser and the schema validator and always knows which field the parser is in,
 * as a path in the same form the content rules use ({@code proposalPart.person[1].orcid}), and
 * where each field started. That is what lets a schema error name the field, not only a line.
 */
final class ElementPathFilter extends XMLFilterImpl {

    private static final class Frame {
        final Class<?> type;
        final String path;
        final Map<String, Integer> seen = new HashMap<>();

        Frame(Class<?> type, String path) {
            this.type = type;
            this.path = path;
        }
    }

    private final Class<?> rootType;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, int[]> starts = new HashMap<>();
    private Locator locator;
    private String rootName = "";

    ElementPathFilter(XMLReader parent, Class<?> rootType) {
        super(parent);
        this.rootType = rootType;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        super.setDocumentLocator(locator);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (stack.isEmpty()) {
            rootName = localName;
            stack.push(new Frame(rootType, ""));
        } else {
            Frame parent = stack.peek();
            BindingModel.Child child = BindingModel.child(parent.type, localName);
            int index = parent.seen.merge(localName, 1, Integer::sum) - 1;
            String name = child.repeated ? localName + "[" + index + "]" : localName;
            String path = parent.path.isEmpty() ? name : parent.path + "." + name;
            stack.push(new Frame(child.type, path));
            if (locator != null) {
                starts.putIfAbsent(path, new int[] {locator.getLineNumber(), locator.getColumnNumber()});
            }
        }
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        super.endElement(uri, localName, qName);
        stack.pop();
    }

    /** The field the parser is in now, or the root element's name at the top level. */
    String currentPath() {
        Frame top = stack.peek();
        if (top == null || top.path.isEmpty()) {
            return rootName.isEmpty() ? "document" : rootName;
        }
        return top.path;
    }

    /** Where the element at {@code path} (or its nearest enclosing element) started: {line, column}. */
    int[] startOf(String path) {
        for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            int[] start = starts.get(p);
            if (start != null) {
                return start;
            }
        }
        return new int[] {0, 0};
    }
}
