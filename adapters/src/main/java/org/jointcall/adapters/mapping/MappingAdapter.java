package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jointcall.adapters.document.NativeNode;
import org.jointcall.adapters.document.ParsedDocument;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.spi.InboundTranslation;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.adapters.spi.TranslationException;
import org.jointcall.adapters.spi.TranslationNote;
import org.jointcall.adapters.spi.TranslationReport;
import org.jointcall.contracts.binding.ValidatedMessage;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;

/**
 * An agency adapter whose whole knowledge of the agency is an {@link AgencyMapping}. The Java adapters
 * (JST, NSF, UKRI, DFG, NWO) and the adapters built from mapping files are all instances of it, so the
 * reading, writing, validating and loss-reporting logic exists once.
 *
 * <p>Reading: the native format checks and parses the bytes, the message's kind is recognised, every
 * binding fills the canonical JSON form, and the contracts' codec turns that into a canonical message
 * (and checks it). Writing: the bindings fill a new native document, the format serialises and
 * schema-validates it; when the report is asked for, the document is read back and compared with the message
 * that went in, and every difference is listed in it.
 */
public class MappingAdapter implements AgencyAdapter {

    private final AgencyMapping mapping;

    public MappingAdapter(AgencyMapping mapping) {
        this.mapping = mapping;
    }

    /** The mapping this adapter runs, e.g. for rendering its field-mapping table. */
    public AgencyMapping mapping() {
        return mapping;
    }

    @Override
    public String agency() {
        return mapping.agency();
    }

    @Override
    public List<String> mediaTypes() {
        return List.of(mapping.format().mediaType());
    }

    @Override
    public Set<MessageKind> messageKinds() {
        return mapping.shapes().keySet();
    }

    @Override
    public InboundTranslation toCanonical(byte[] nativeMessage) {
        ParsedDocument document = mapping.format().parse(nativeMessage);
        MessageShape shape = mapping.shapeOf(document);
        List<TranslationNote> notes = new ArrayList<>();
        ObjectNode canonical = read(shape, document.root(), notes);
        try {
            ValidatedMessage message = CanonicalJson.toMessage(canonical);
            return new InboundTranslation(message.message(), TranslationReport.of(notes), message.xml());
        } catch (ContractViolation e) {
            throw new TranslationException(agency(), e.field(), document.root().position(),
                    "the message does not make a valid canonical message: " + e.getMessage(), e);
        }
    }

    private ObjectNode read(MessageShape shape, NativeNode root, List<TranslationNote> notes) {
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.set("kind", TextNode.valueOf(shape.kind().value()));
        MappingContext context = new MappingContext(agency(), "", notes);
        for (Binding binding : shape.bindings()) {
            binding.read(root, canonical, context);
        }
        return canonical;
    }

    @Override
    public OutboundTranslation fromCanonical(CanonicalMessage message) {
        return write(CanonicalJson.toTree(message));
    }

    @Override
    public OutboundTranslation fromStoredCanonicalXml(byte[] canonicalXml) {
        return write(CanonicalJson.storedXmlToTree(canonicalXml));
    }

    /** Writes a message given in its canonical JSON form, which the codec has validated. */
    private OutboundTranslation write(ObjectNode canonical) {
        MappingContext context = new MappingContext(agency(), "", new ArrayList<>());
        MessageShape shape = mapping.shapeFor(MessageKind.fromValue(canonical.get("kind").asText()), context);
        NativeNode document = mapping.start(shape);
        for (Binding binding : shape.bindings()) {
            binding.write(canonical, document, context);
        }
        byte[] body;
        try {
            body = mapping.format().serialize(document);
        } catch (TranslationException e) {
            throw new TranslationException(agency(), e.field(), e.position(),
                    "the canonical message cannot be written as a valid " + agency() + " message: " + e.problem(), e);
        }
        // Deliveries and inbox offers never look at the report (today only tests do), so the read-back waits for an ask.
        return new OutboundTranslation(body, mapping.format().mediaType(),
                () -> TranslationReport.of(ReadBack.losses(canonical, read(shape, document, new ArrayList<>()), agency())));
    }
}
