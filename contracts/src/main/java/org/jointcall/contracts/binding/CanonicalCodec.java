package org.jointcall.contracts.binding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.MarshalException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.jointcall.contracts.identifier.LocalProposalIdFormats;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.v1.JointOutcomeNotice;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.ObjectFactory;
import org.jointcall.contracts.validation.CanonicalContentRules;
import org.jointcall.contracts.validation.ContractViolation;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads and writes canonical messages as XML and as JSON, from the same generated classes, and
 * never lets a message that breaks the contract in or out: every read of a message from outside and
 * every write passes the XSD and the {@link CanonicalContentRules}, and a refusal names each wrong
 * field (with line and column when the sender sent XML or JSON text). Only XML that passed them
 * when it was stored is read back without them ({@link #fromStoredXml}). XML and JSON carry the same object: reading one and
 * writing the other loses nothing.
 *
 * <p>XML is parsed with DTDs refused and nothing external ever fetched (see {@link SecureXml}).
 * An instance is thread-safe. The JAXB context, schema and JSON mapper are built once for all instances; the parsers,
 * validators and JAXB marshallers built from them are pooled per instance and reused, one call at a time.
 */
public final class CanonicalCodec {

    /** Where the contract partners read lives on the class path. */
    public static final String SCHEMA_RESOURCE = "/org/jointcall/contracts/v1/jointcall-canonical-v1.xsd";
    public static final String NAMESPACE = "urn:jointcall:canonical:v1";

    private static final ObjectFactory ELEMENTS = new ObjectFactory();
    private static final OffsetDateTime STAND_IN_TIME = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** Idle readers and writers kept per codec: enough for every request thread of a busy gateway. */
    private static final int POOLED = 64;

    private final JAXBContext context;
    private final Schema schema;
    private final ObjectMapper json;
    private final CanonicalContentRules rules;
    private final IdlePool<ValidatingReader> readers = new IdlePool<>(POOLED, ValidatingReader::new);
    private final IdlePool<StoredReader> storedReaders = new IdlePool<>(POOLED, StoredReader::new);
    private final IdlePool<Marshaller> marshallers = new IdlePool<>(POOLED, this::newMarshaller);
    private final IdlePool<SchemaCheck> schemaChecks = new IdlePool<>(POOLED, SchemaCheck::new);

    /** A codec checking the proposal-id formats of the agencies known out of the box. */
    public CanonicalCodec() {
        this(LocalProposalIdFormats.known());
    }

    /** A codec checking local proposal ids against {@code formats} (known agencies plus configured ones). */
    public CanonicalCodec(LocalProposalIdFormats formats) {
        this.rules = new CanonicalContentRules(formats);
        this.schema = Model.SCHEMA;
        this.context = Model.CONTEXT;
        this.json = Model.JSON;
    }

    /**
     * What every codec reads the model with, built once per class loader, at the first codec: a JAXB context and a
     * compiled schema cost tens of milliseconds and megabytes each, and the gateway makes a codec in each of a dozen
     * components. All three are thread-safe.
     */
    private static final class Model {
        static final Schema SCHEMA = loadSchema();
        static final JAXBContext CONTEXT = newContext();
        static final ObjectMapper JSON = JsonMapper.builder()
                .annotationIntrospector(new CanonicalJsonIntrospector(TypeFactory.defaultInstance()))
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN) // TextNumberBuffer follows this spelling
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .withConfigOverride(List.class, o -> o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null)))
                .build();

        private static JAXBContext newContext() {
            try {
                return JAXBContext.newInstance(ObjectFactory.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot build the JAXB context of the canonical model", e);
            }
        }
    }

    private static Schema loadSchema() {
        URL xsd = CanonicalCodec.class.getResource(SCHEMA_RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException("the canonical schema " + SCHEMA_RESOURCE + " is not on the class path");
        }
        try {
            return SecureXml.schemaFactory().newSchema(new StreamSource(xsd.toExternalForm()));
        } catch (SAXException e) {
            throw new IllegalStateException("the canonical schema " + SCHEMA_RESOURCE + " does not load", e);
        }
    }

    /** The compiled canonical schema, for callers that validate documents themselves. */
    public Schema schema() {
        return schema;
    }

    /** @throws InvalidMessageException if the message breaks the contract (problems located in the produced XML) */
    public byte[] toXml(CanonicalMessage message) {
        Objects.requireNonNull(message, "message");
        return write(ELEMENTS.createMessage(message), Source.PRODUCED_XML);
    }

    /**
     * {@link #toXml} of each message, in order, for messages that differ mostly in who they are addressed to, like
     * the envelopes of one fan-out around a shared record: a message whose fields, other than {@code messageId} and
     * {@code sentAt}, equal those of the last message fully checked is not checked whole again. Its id and time are
     * checked instead on a small stand-in message carrying them, and it is only marshalled. That is sound because the
     * schema types an element by its declaration alone (it has no identity constraints or assertions, so a value's
     * validity does not depend on the rest of the document) and no content rule reads {@code messageId} or
     * {@code sentAt}: such a message is valid exactly when the checked one is and the stand-in is. A message that
     * differs in anything else, or whose stand-in is refused, is checked whole and refused as {@link #toXml}
     * would.
     *
     * @throws InvalidMessageException for the first message that breaks the contract
     */
    public List<byte[]> toXmlEach(List<CanonicalMessage> messages) {
        List<byte[]> written = new ArrayList<>(messages.size());
        CanonicalMessage checked = null;
        for (CanonicalMessage message : messages) {
            Objects.requireNonNull(message, "message");
            if (checked != null && sameApartFromIdAndTime(checked, message) && idAndTimeAccepted(message)) {
                written.add(marshalUnchecked(ELEMENTS.createMessage(message)));
            } else {
                written.add(toXml(message));
                checked = message;
            }
        }
        return written;
    }

    private static boolean sameApartFromIdAndTime(CanonicalMessage one, CanonicalMessage other) {
        // The bodies are usually the very same object, which the generated equals answers at once.
        return one.getKind() == other.getKind() && Objects.equals(one.getSender(), other.getSender())
                && Objects.equals(one.getCallId(), other.getCallId()) && Objects.equals(one.getJointReference(), other.getJointReference())
                && Objects.equals(one.getJointProposalId(), other.getJointProposalId())
                && Objects.equals(one.getAgencySequence(), other.getAgencySequence())
                && Objects.equals(one.getProposalPart(), other.getProposalPart())
                && Objects.equals(one.getReviewResult(), other.getReviewResult())
                && Objects.equals(one.getFundingDecision(), other.getFundingDecision())
                && Objects.equals(one.getJointProposalRecord(), other.getJointProposalRecord())
                && Objects.equals(one.getJointOutcomeNotice(), other.getJointOutcomeNotice());
    }

    /**
     * Whether the schema and the text check accept {@code message}'s id and time, told on the smallest message
     * holding them: its other envelope fields (checked already with the message they equal) and a minimal notice.
     */
    private boolean idAndTimeAccepted(CanonicalMessage message) {
        CanonicalMessage standIn = new CanonicalMessage();
        standIn.setMessageId(message.getMessageId());
        standIn.setKind(MessageKind.JOINT_OUTCOME_NOTICE);
        standIn.setSender(message.getSender());
        standIn.setSentAt(message.getSentAt());
        standIn.setCallId(message.getCallId());
        standIn.setJointReference(message.getJointReference());
        standIn.setJointProposalId(message.getJointProposalId());
        standIn.setAgencySequence(message.getAgencySequence());
        JointOutcomeNotice notice = new JointOutcomeNotice();
        notice.setOutcome(JointStatus.PENDING);
        notice.setRescopingRequired(false);
        notice.setDecidedAt(STAND_IN_TIME);
        standIn.setJointOutcomeNotice(notice);
        return XmlTextCheck.problems(standIn).isEmpty() && schemaAccepts(ELEMENTS.createMessage(standIn));
    }

    /** @throws InvalidMessageException naming line, column, field and reason of each problem */
    public CanonicalMessage fromXml(byte[] xml) {
        return read(Objects.requireNonNull(xml, "xml"), CanonicalMessage.class, Source.XML);
    }

    /**
     * A message this codec wrote or validated earlier, kept unchanged since by the caller: the gateway's ledger and
     * outbox hold only such XML. It is parsed as carefully as any input (see {@link SecureXml}) but bound without
     * the schema pass and the content rules, which it has passed already and which cost most of a read's CPU
     * (every delivery and every fan-out reads stored messages). XML that does not bind was never written by this
     * codec: that is a fault in the store, not a partner's mistake, so there is no problem report for it.
     *
     * @throws IllegalStateException if the XML is not a canonical message
     */
    public CanonicalMessage fromStoredXml(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        try (SecureXml.JdkLookups ignored = SecureXml.jdkLookups()) {
            StoredReader reader = storedReaders.take();
            Object result = reader.bind(xml);
            storedReaders.giveBack(reader); // not after a failure: the parser stopped half way through a document
            Object value = result instanceof JAXBElement ? ((JAXBElement<?>) result).getValue() : result;
            if (!(value instanceof CanonicalMessage)) {
                throw new IllegalStateException("stored canonical XML holds a " + value.getClass().getSimpleName() + ", not a message");
            }
            return (CanonicalMessage) value;
        } catch (JAXBException e) {
            // JAXB wraps the parser's error without a message of its own.
            String reason = e.getMessage() != null || e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            throw new IllegalStateException("stored canonical XML does not bind: " + reason, e);
        }
    }

    /**
     * A stored message's XML (as {@link #fromStoredXml} takes it) as its canonical JSON tree: what reading
     * {@link #toJson}'s bytes as a tree gives, number node types included. The object the read has just produced
     * never left the codec, so it needs no check before it is written either.
     */
    public ObjectNode storedXmlToTree(byte[] xml) {
        return tree(fromStoredXml(xml));
    }

    /** @throws InvalidMessageException if the message breaks the contract */
    public byte[] toJson(CanonicalMessage message) {
        try {
            return json.writeValueAsBytes(checkedForJson(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a schema-valid message as JSON", e);
        }
    }

    /**
     * The message's canonical JSON as a tree, equal to reading {@link #toJson}'s bytes as one, without writing and
     * parsing the text: the adapters work on this tree for every message they write.
     *
     * @throws InvalidMessageException if the message breaks the contract
     */
    public ObjectNode toTree(CanonicalMessage message) {
        return tree(checkedForJson(message));
    }

    private CanonicalMessage checkedForJson(CanonicalMessage message) {
        Objects.requireNonNull(message, "message");
        write(ELEMENTS.createMessage(message), Source.JSON_OBJECT);
        return message;
    }

    private ObjectNode tree(CanonicalMessage validMessage) {
        TextNumberBuffer buffer = new TextNumberBuffer(json);
        try {
            json.writeValue(buffer, validMessage);
            try (JsonParser events = buffer.asParser()) {
                return json.readTree(events);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a schema-valid message as a JSON tree", e);
        }
    }

    /**
     * Reads JSON, then holds the result to exactly the same schema and rules as XML.
     *
     * @throws InvalidMessageException naming the field and reason (and line/column for JSON syntax and type errors)
     */
    public CanonicalMessage fromJson(byte[] jsonBytes) {
        return fromJsonAsXml(jsonBytes).message();
    }

    /**
     * {@link #fromJson}, also giving the canonical XML the message was validated as: one write and one
     * validated read, where {@code fromJson} then {@link #toXml} would take two of each.
     *
     * @throws InvalidMessageException as {@link #fromJson}
     */
    public ValidatedMessage fromJsonAsXml(byte[] jsonBytes) {
        Objects.requireNonNull(jsonBytes, "json");
        CanonicalMessage parsed;
        try {
            parsed = json.readValue(jsonBytes, CanonicalMessage.class);
        } catch (IOException e) {
            throw new InvalidMessageException("JSON message", List.of(jsonProblem(e)));
        }
        if (parsed == null) {
            throw new InvalidMessageException("JSON message", List.of(new MessageProblem("message", "the document is null", 1, 1)));
        }
        byte[] xml = marshal(ELEMENTS.createMessage(parsed), Source.JSON_OBJECT.description);
        return new ValidatedMessage(read(xml, CanonicalMessage.class, Source.JSON_OBJECT), xml);
    }

    /** A call definition as XML (call definitions are configured and shared as documents). */
    public byte[] callToXml(JointCall call) {
        Objects.requireNonNull(call, "call");
        return write(ELEMENTS.createJointCall(call), Source.PRODUCED_XML);
    }

    /** @throws InvalidMessageException naming line, column, field and reason of each problem */
    public JointCall callFromXml(byte[] xml) {
        return read(Objects.requireNonNull(xml, "xml"), JointCall.class, Source.XML);
    }

    /**
     * Writes {@code element} as XML without reading it back: the schema checks the object's own SAX events, the
     * content rules the object itself. Parsing, validating and unmarshalling the bytes just written took four
     * times as much CPU, and the decision step's fan-out writes every record and notice through here. Those
     * checks only say yes or no (the schema stops at its first problem and knows no line or column), so the XML
     * of a message they refuse is read back as before, which names every problem in the produced XML and stays
     * the authority on what is refused.
     *
     * @throws InvalidMessageException naming field and reason of each problem (line and column in the produced XML)
     */
    private byte[] write(JAXBElement<?> element, Source source) {
        List<MessageProblem> unwritable = XmlTextCheck.problems(element.getValue());
        if (!unwritable.isEmpty()) {
            throw new InvalidMessageException(source.description, unwritable);
        }
        byte[] xml = marshalUnchecked(element);
        if (!schemaAccepts(element) || !violations(element.getValue()).isEmpty()) {
            read(xml, element.getDeclaredType(), source);
        }
        return xml;
    }

    /** Whether the schema accepts {@code element}, told by marshalling it straight into a pooled validator. */
    private boolean schemaAccepts(JAXBElement<?> element) {
        try (SecureXml.JdkLookups ignored = SecureXml.jdkLookups()) {
            SchemaCheck check = schemaChecks.take();
            check.marshaller.marshal(element, check.validator);
            schemaChecks.giveBack(check); // not after a refusal: it stopped half way through a document
            return true;
        } catch (MarshalException e) {
            return false;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + element.getName().getLocalPart() + " as XML", e);
        }
    }

    private List<ContractViolation> violations(Object message) {
        return message instanceof CanonicalMessage
                ? rules.check((CanonicalMessage) message)
                : rules.check((JointCall) message);
    }

    private byte[] marshal(JAXBElement<?> element, String what) {
        List<MessageProblem> unwritable = XmlTextCheck.problems(element.getValue());
        if (!unwritable.isEmpty()) {
            throw new InvalidMessageException(what, unwritable);
        }
        return marshalUnchecked(element);
    }

    private byte[] marshalUnchecked(JAXBElement<?> element) {
        Marshaller marshaller = marshallers.take();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(element, out);
            marshallers.giveBack(marshaller); // not after a failure: what state it is left in is unknown
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + element.getName().getLocalPart() + " as XML", e);
        }
    }

    private Marshaller newMarshaller() {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            return marshaller;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot set up the XML writer", e);
        }
    }

    /**
     * A marshaller writing SAX events into a schema validator that throws at the first error: a yes-or-no check
     * of a message about to be written, whose problems {@link #write} then finds, located, by reading it.
     */
    private final class SchemaCheck {
        final Marshaller marshaller;
        final ValidatorHandler validator;

        SchemaCheck() {
            try {
                marshaller = context.createMarshaller();
                validator = schema.newValidatorHandler();
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                validator.setErrorHandler(SecureXml.failingOnError());
            } catch (JAXBException | SAXException e) {
                throw new IllegalStateException("cannot set up the XML schema check", e);
            }
        }
    }

    /** Where the bytes being read came from: decides how problems are located and described. */
    private enum Source {
        XML("XML message", true),
        PRODUCED_XML("produced XML", true),
        JSON_OBJECT("JSON message", false);

        final String description;
        final boolean textPositions;

        Source(String description, boolean textPositions) {
            this.description = description;
            this.textPositions = textPositions;
        }
    }

    private <T> T read(byte[] xml, Class<T> type, Source source) {
        ProblemCollector problems = new ProblemCollector(source);
        Object result = bind(xml, type, problems);
        Object value = result instanceof JAXBElement ? ((JAXBElement<?>) result).getValue() : result;
        if (!type.isInstance(value)) {
            String rootName = result instanceof JAXBElement ? ((JAXBElement<?>) result).getName().getLocalPart() : String.valueOf(result);
            problems.add(new MessageProblem(rootName, "expected a " + expectedRoot(type) + " document", 1, 1));
            throw problems.failure();
        }
        T typed = type.cast(value);
        for (ContractViolation violation : violations(typed)) {
            problems.addAt(violation.field(), violation.reason());
        }
        problems.throwIfAny();
        return typed;
    }

    /**
     * Parses, validates and binds in one pass with a pooled {@link ValidatingReader}. A reader that met a
     * problem in the document goes back to the pool too: the parser, the validator and the binder each start
     * afresh at the start of a document, and the next one gets a new path filter and problem collector.
     * Only a reader interrupted by something unexpected is dropped.
     */
    private Object bind(byte[] xml, Class<?> type, ProblemCollector problems) {
        try (SecureXml.JdkLookups ignored = SecureXml.jdkLookups()) {
            ValidatingReader reader = readers.take();
            boolean reusable = false;
            try {
                Object result = reader.bind(xml, type, problems);
                reusable = true;
                problems.throwIfAny();
                return result;
            } catch (SAXParseException e) {
                reusable = true;
                problems.add(e);
                throw problems.failure();
            } catch (SAXException | IOException e) {
                reusable = true;
                problems.add(new MessageProblem(problems.currentPath(), "unreadable XML: " + e.getMessage(), 0, 0));
                throw problems.failure();
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot bind a schema-valid document", e);
            } finally {
                if (reusable) {
                    readers.giveBack(reader);
                }
            }
        }
    }

    /**
     * The SAX parser, schema validator and JAXB binder of a validated read, wired once. Building them is
     * most of a read's cost (and took class-loader locks on every call), so they are reused, one read at a
     * time; the parser keeps the {@link SecureXml} settings it was built with.
     */
    private final class ValidatingReader {
        private final XMLReader parser;
        private final ValidatorHandler validator;
        private final Unmarshaller unmarshaller;
        private final UnmarshallerHandler binder;

        ValidatingReader() {
            try {
                parser = SecureXml.saxParserFactory().newSAXParser().getXMLReader();
                unmarshaller = context.createUnmarshaller();
                binder = unmarshaller.getUnmarshallerHandler();
                validator = schema.newValidatorHandler();
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                validator.setContentHandler(binder);
            } catch (ParserConfigurationException | SAXException | JAXBException e) {
                throw new IllegalStateException("cannot set up the XML reader", e);
            }
        }

        Object bind(byte[] xml, Class<?> type, ProblemCollector problems) throws SAXException, IOException, JAXBException {
            ElementPathFilter paths = new ElementPathFilter(parser, type);
            problems.paths = paths;
            unmarshaller.setEventHandler(problems::bindingEvent);
            validator.setErrorHandler(problems);
            paths.setContentHandler(validator);
            paths.setErrorHandler(problems);
            paths.parse(new InputSource(new ByteArrayInputStream(xml)));
            return problems.hasAny() ? null : binder.getResult();
        }
    }

    /**
     * The parser and binder of a stored message's read, wired once like a {@link ValidatingReader}, without the
     * validator. The unmarshaller drives the parser itself (a {@link SAXSource}) rather than being handed events
     * through {@code getUnmarshallerHandler()}: that way JAXB sees that the JDK parser already interns every name
     * and skips re-interning each element name, which was a third of a stored read's CPU.
     */
    private final class StoredReader {
        private final XMLReader parser;
        private final Unmarshaller unmarshaller;

        StoredReader() {
            try {
                parser = SecureXml.saxParserFactory().newSAXParser().getXMLReader();
                // The default event handler stops at the first binding or parsing error, which then fails the read.
                unmarshaller = context.createUnmarshaller();
            } catch (ParserConfigurationException | SAXException | JAXBException e) {
                throw new IllegalStateException("cannot set up the XML reader", e);
            }
        }

        Object bind(byte[] xml) throws JAXBException {
            return unmarshaller.unmarshal(new SAXSource(parser, new InputSource(new ByteArrayInputStream(xml))));
        }
    }

    private static String expectedRoot(Class<?> type) {
        return type == JointCall.class ? "jointCall" : "message";
    }

    private static MessageProblem jsonProblem(IOException e) {
        int line = 0;
        int column = 0;
        String reason = e.getMessage();
        String field = "message";
        if (e instanceof JsonProcessingException) {
            JsonProcessingException processing = (JsonProcessingException) e;
            JsonLocation location = processing.getLocation();
            if (location != null) {
                line = location.getLineNr();
                column = location.getColumnNr();
            }
            reason = processing.getOriginalMessage();
        }
        if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : ((JsonMappingException) e).getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        return new MessageProblem(field, reason.replaceAll("\\s*\\(class [^)]*\\)", "").strip(), line, column);
    }

    /**
     * Gathers parser, schema and binding problems with the field the parser was in. Binding problems
     * are only reported when the schema found none: after a schema error they are just echoes.
     */
    private static final class ProblemCollector implements ErrorHandler {
        private final Source source;
        private final List<MessageProblem> schemaProblems = new ArrayList<>();
        private final List<MessageProblem> bindingProblems = new ArrayList<>();
        ElementPathFilter paths;

        ProblemCollector(Source source) {
            this.source = source;
        }

        String currentPath() {
            return paths == null ? "document" : paths.currentPath();
        }

        @Override
        public void warning(SAXParseException exception) {
            // warnings do not make a message invalid
        }

        @Override
        public void error(SAXParseException exception) {
            add(exception);
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }

        void add(SAXParseException e) {
            String reason = readable(e.getMessage());
            String field = currentPath();
            boolean echo = e.getMessage() != null
                    && (e.getMessage().startsWith("cvc-type.3.1.3") || e.getMessage().startsWith("cvc-attribute.3")
                        || e.getMessage().startsWith("cvc-complex-type.2.2"))
                    && schemaProblems.stream().anyMatch(p -> p.field().equals(field));
            if (!echo) {
                add(new MessageProblem(field, reason, e.getLineNumber(), e.getColumnNumber()));
            }
        }

        void add(MessageProblem problem) {
            schemaProblems.add(source.textPositions ? problem : new MessageProblem(problem.field(), problem.reason(), 0, 0));
        }

        void addAt(String field, String reason) {
            int[] start = paths == null ? new int[] {0, 0} : paths.startOf(field);
            add(new MessageProblem(field, reason, start[0], start[1]));
        }

        boolean bindingEvent(ValidationEvent event) {
            int line = event.getLocator() == null ? 0 : event.getLocator().getLineNumber();
            int column = event.getLocator() == null ? 0 : event.getLocator().getColumnNumber();
            Throwable cause = event.getLinkedException();
            String reason = event.getMessage() != null ? event.getMessage() : String.valueOf(cause);
            bindingProblems.add(new MessageProblem(currentPath(), readable(reason),
                    source.textPositions ? line : 0, source.textPositions ? column : 0));
            return true;
        }

        boolean hasAny() {
            return !schemaProblems.isEmpty() || !bindingProblems.isEmpty();
        }

        void throwIfAny() {
            if (hasAny()) {
                throw failure();
            }
        }

        InvalidMessageException failure() {
            List<MessageProblem> all = schemaProblems.isEmpty() ? bindingProblems : schemaProblems;
            return new InvalidMessageException(source.description, all);
        }

        private static String readable(String parserMessage) {
            if (parserMessage == null) {
                return "invalid";
            }
            if (parserMessage.contains("DOCTYPE is disallowed")) {
                return "document type declarations (DOCTYPE/DTD) are refused: they allow entity expansion and external entity attacks";
            }
            return parserMessage.replaceFirst("^cvc-[a-zA-Z0-9.\\-]+: ", "").replace("\"" + NAMESPACE + "\":", "");
        }
    }
}
