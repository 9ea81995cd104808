package org.jointcall.gateway.exchange;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jointcall.adapters.spi.InboundTranslation;
import org.jointcall.adapters.spi.TranslationException;
import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.proposal.TrackEvent;
import org.jointcall.contracts.validation.ContractViolation;
import org.xml.sax.SAXParseException;

/**
 * Fifth step: the agency's adapter reads the body into a canonical message (schema, identifiers,
 * XXE-safe parsing are the adapter's). A failure is answered with the adapter's field and position
 * — 400 when the bytes do not parse at all, 422 when they parse but are not a valid message. The
 * canonical sender must be the agency the message was posted (and signed) for, since a partner may
 * not speak for another. The canonical XML the adapter validated the message as is kept for the
 * ledger; an adapter that gives none has the message written as canonical XML here, which the
 * canonical schema must accept (422 otherwise). Last, the message must be one an agency sends, not a
 * record or notice only the gateway sends (422 at once, rather than a 202 and a refusal when applied).
 */
@ApplicationScoped
public class TranslationStep implements Processor {

    /** Fields the adapters name when the document itself cannot be read. */
    private static final Set<String> UNREADABLE = Set.of("document", "encoding", "DOCTYPE");

    private final CanonicalCodec codec = new CanonicalCodec();

    @Override
    public void process(Exchange exchange) {
        InboundMessage message = InboundMessage.of(exchange);
        InboundTranslation translation = translate(message);
        String sender = translation.message().getSender();
        String agency = message.agency().code().code();
        if (!agency.equals(sender)) {
            throw new ProblemException(Problem.of(ProblemType.SENDER_MISMATCH, "the message's sender is " + sender
                    + " but it was posted and signed for agency " + agency));
        }
        try {
            byte[] xml = translation.canonicalXml();
            byte[] canonicalXml = xml != null ? xml : codec.toXml(translation.message());
            TrackEvent.reportedBy(translation.message());
            message.translation(translation, canonicalXml);
        } catch (ContractViolation e) {
            throw invalid(e);
        }
    }

    private static InboundTranslation translate(InboundMessage message) {
        try {
            return message.adapter().toCanonical(message.request().body());
        } catch (TranslationException e) {
            ProblemType type = malformed(e) ? ProblemType.MESSAGE_MALFORMED : ProblemType.MESSAGE_INVALID;
            throw new ProblemException(Problem.of(type, e.getMessage())
                    .with("field", e.field()).with("position", e.position().toString()), e);
        } catch (ContractViolation e) {
            throw invalid(e);
        }
    }

    private static ProblemException invalid(ContractViolation e) {
        return new ProblemException(Problem.of(ProblemType.MESSAGE_INVALID, e.getMessage()).with("field", e.field()), e);
    }

    /** Not parseable, as opposed to parseable but invalid (XML schema errors are Xerces "cvc-" messages). */
    static boolean malformed(TranslationException e) {
        if (UNREADABLE.contains(e.field())) {
            return true;
        }
        Throwable cause = e.getCause();
        return cause instanceof SAXParseException && !String.valueOf(cause.getMessage()).startsWith("cvc-");
    }
}
