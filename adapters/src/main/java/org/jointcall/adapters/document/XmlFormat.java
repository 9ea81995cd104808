package org.jointcall.adapters.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.jointcall.adapters.spi.SourcePosition;
import org.jointcall.adapters.spi.TranslationException;
import org.jointcall.contracts.binding.IdlePool;
import org.jointcall.contracts.binding.SecureXml;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * An XML agency format guarded by its XSD. The JAXP factories are not promised to be thread-safe, so the
 * few calls on them are serialised; the parsers, validators and serialisers they make are pooled and reused,
 * and parsing itself runs in parallel. Parsing is hardened once here for every XML agency: a DOCTYPE
 * is refused outright (no DTD, hence no XXE and no billion laughs), external entities and schemas are
 * never fetched, and validation runs while the document is read so that each error carries the line,
 * column and element path where the parser was.
 */
public final class XmlFormat implements NativeFormat {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    /** Idle parsers and serialisers kept per format: enough for every request thread of a busy gateway. */
    private static final int POOLED = 64;

    private final String agency;
    private final String mediaType;
    private final Schema schema;
    private final SAXParserFactory parsers;
    private final DOMImplementation dom;
    private final TransformerFactory transformers;
    private final IdlePool<ValidatingParser> readers = new IdlePool<>(POOLED, this::newParser);
    private final IdlePool<Transformer> writers = new IdlePool<>(POOLED, this::newTransformer);

    private XmlFormat(String agency, String mediaType, Schema schema) {
        this.agency = agency;
        this.mediaType = mediaType;
        this.schema = schema;
        this.parsers = secureParserFactory();
        DocumentBuilderFactory documents = DocumentBuilderFactory.newInstance();
        documents.setNamespaceAware(true);
        try {
            // Empty documents come from the DOM implementation, which is stateless: no builder (a whole parser) per document.
            this.dom = documents.newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK has no DOM implementation", e);
        }
        this.transformers = TransformerFactory.newInstance();
        this.transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        this.transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    }

    /** A hardened SAX parser feeding the XSD validator; reused one parse at a time, as building it is costly. */
    private record ValidatingParser(XMLReader reader, ValidatorHandler validator) {

        /** Lets go of the document just built, so an idle parser holds no message. */
        void release() {
            validator.setContentHandler(null);
            validator.setErrorHandler(null);
            reader.setErrorHandler(null);
        }
    }

    private ValidatingParser newParser() {
        try (SecureXml.JdkLookups ignored = SecureXml.jdkLookups()) {
            XMLReader reader;
            synchronized (parsers) {
                reader = parsers.newSAXParser().getXMLReader();
            }
            ValidatorHandler validator = schema.newValidatorHandler();
            reader.setContentHandler(validator);
            return new ValidatingParser(reader, validator);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK XML parser refused the hardening features", e);
        }
    }

    private Transformer newTransformer() {
        try {
            Transformer transformer;
            synchronized (transformers) {
                transformer = transformers.newTransformer();
            }
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            return transformer;
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK cannot serialise XML", e);
        }
    }

    public static XmlFormat withSchema(String agency, String mediaType, Class<?> anchor, String xsdResource) {
        URL xsd = anchor.getResource(xsdResource);
        if (xsd == null) {
            throw new IllegalStateException(agency + " XSD " + xsdResource + " is not on the classpath of " + anchor.getName());
        }
        return withSchema(agency, mediaType, xsd);
    }

    public static XmlFormat withSchema(String agency, String mediaType, URL xsd) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return new XmlFormat(Objects.requireNonNull(agency), Objects.requireNonNull(mediaType), factory.newSchema(xsd));
        } catch (SAXException e) {
            throw new IllegalStateException(agency + " XSD " + xsd + " does not compile: " + e.getMessage(), e);
        }
    }

    private static SAXParserFactory secureParserFactory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK XML parser refused the hardening features", e);
        }
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    @Override
    public ParsedDocument parse(byte[] bytes) {
        String text = StrictUtf8.decode(agency, bytes);
        Matcher declared = DECLARED_ENCODING.matcher(text);
        if (declared.find() && !declared.group(1).equalsIgnoreCase("UTF-8")) {
            throw new TranslationException(agency, "encoding", SourcePosition.lineColumn(1, declared.start(1) + 1),
                    "declared encoding " + declared.group(1) + "; native messages must be UTF-8");
        }
        Document document = newDomDocument();
        PositionalDomBuilder builder = new PositionalDomBuilder(document);
        // Parser and validator start afresh with each document, so one that met an error is given back too.
        try (SecureXml.JdkLookups ignored = SecureXml.jdkLookups()) {
            ValidatingParser parser = readers.take();
            parser.validator().setContentHandler(builder);
            parser.validator().setErrorHandler(SecureXml.failingOnError());
            parser.reader().setErrorHandler(SecureXml.failingOnError());
            try {
                parser.reader().parse(new InputSource(new ByteArrayInputStream(bytes)));
            } finally {
                parser.release();
                readers.giveBack(parser);
            }
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            // A schema error before any element is open is about the root element: the document parsed, so it is invalid,
            // not unreadable ("document" is what the gateway answers 400 for).
            String field = message.contains("DOCTYPE") ? "DOCTYPE"
                    : !builder.currentPath().isEmpty() ? builder.currentPath()
                    : message.startsWith("cvc-") ? "root element" : "document";
            throw new TranslationException(agency, field, SourcePosition.lineColumn(Math.max(e.getLineNumber(), 1), e.getColumnNumber()),
                    describe(e), e);
        } catch (SAXException | IOException e) {
            throw new TranslationException(agency, "document", SourcePosition.lineColumn(1, 1), "unreadable XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        return new ParsedDocument(root.getLocalName(), new XmlNativeNode(agency, root));
    }

    private String describe(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "a DOCTYPE (DTD) is not accepted: DTDs and external entities are disabled for every agency message";
        }
        if (message.startsWith("cvc-")) {
            return "does not match the " + agency + " XSD: " + message;
        }
        return "malformed XML: " + message;
    }

    private Document newDomDocument() {
        return dom.createDocument(null, null, null);
    }

    @Override
    public NativeNode newDocument(String rootName) {
        Document document = newDomDocument();
        Element root = document.createElementNS(null, rootName);
        document.appendChild(root);
        return new XmlNativeNode(agency, root);
    }

    @Override
    public byte[] serialize(NativeNode document) {
        Element root = ((XmlNativeNode) document).element();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Transformer transformer = writers.take();
        try {
            transformer.transform(new DOMSource(root.getOwnerDocument()), new StreamResult(out));
            writers.giveBack(transformer);
        } catch (TransformerException e) {
            throw new IllegalStateException("a DOM built by the adapter always serialises", e);
        }
        byte[] bytes = out.toByteArray();
        parse(bytes);
        return bytes;
    }

    @Override
    public NativePath path(String expression) {
        return XmlNativePath.compile(expression);
    }
}
