package org.jointcall.adapters.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Compares native documents the way an agency would: JSON by value (600000.00 equals 600000), XML by
 * infoset (indentation and attribute order do not matter). Fields the inbound translation reported (withheld
 * or not carried into the canonical model) are taken out of both documents: the report already owns them.
 */
final class NativeDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Numbers by value (780000.00 equals 780000), everything else exactly. */
    static final Comparator<JsonNode> BY_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private NativeDocuments() {
    }

    static boolean equivalent(byte[] original, byte[] written, boolean xml, List<String> reported) {
        return xml ? xmlEquivalent(original, written, reported) : jsonEquivalent(original, written, reported);
    }

    static boolean jsonEquivalent(byte[] original, byte[] written, List<String> reported) {
        try {
            JsonNode expected = JSON.readTree(original);
            JsonNode actual = JSON.readTree(written);
            for (String pointer : reported) {
                int slash = pointer.lastIndexOf('/');
                for (JsonNode document : List.of(expected, actual)) {
                    if (document.at(pointer.substring(0, slash)) instanceof ObjectNode parent) {
                        parent.remove(pointer.substring(slash + 1));
                    }
                }
            }
            return expected.equals(BY_VALUE, actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean xmlEquivalent(byte[] original, byte[] written, List<String> reported) {
        try {
            Document expected = parse(original);
            Document actual = parse(written);
            for (String path : reported) {
                for (Document document : List.of(expected, actual)) {
                    Node node = (Node) XPathFactory.newInstance().newXPath().evaluate(path, document, XPathConstants.NODE);
                    if (node != null) {
                        node.getParentNode().removeChild(node);
                    }
                }
            }
            expected.normalizeDocument();
            actual.normalizeDocument();
            return expected.getDocumentElement().isEqualNode(actual.getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setIgnoringComments(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        stripWhitespace(document.getDocumentElement());
        return document;
    }

    private static void stripWhitespace(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank() && node.getChildNodes().getLength() > 1) {
                node.removeChild(child);
            } else {
                stripWhitespace(child);
            }
            child = next;
        }
    }
}
