package org.jointcall.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.gateway.decision.LedgerFixture;

/**
 * The partners' native messages, written once per agency, kind and outcome by the agency's own adapter
 * from the ITs' samples, then re-addressed by replacing a placeholder reference and message id. The load
 * generator shares the gateway's cores, so building a message must cost next to nothing; signing still
 * happens per message, at send time, as a partner does.
 */
public final class MessageTemplates {

    private static final String REFERENCE = "BENCHREFERENCEPLACEHOLDER";
    private static final String MESSAGE_ID = "benchmessageidplaceholder";
    /** Agency sequences as the ITs use them: part, then review, then decision. */
    private static final Map<String, Long> SEQUENCE = Map.of("proposal", 1L, "review", 2L, "decision", 5L);

    private final AdapterRegistry adapters;
    private final Map<String, OutboundTranslation> templates = new ConcurrentHashMap<>();

    public MessageTemplates(AdapterRegistry adapters) {
        this.adapters = adapters;
    }

    /** The media type and native body of {@code message}. */
    public NativeMessage write(Planned message) {
        OutboundTranslation template = templates.computeIfAbsent(message.agency() + "/" + message.kind() + "/" + message.outcome(),
                key -> translate(message));
        String body = new String(template.body(), StandardCharsets.UTF_8)
                .replace(REFERENCE, message.reference()).replace(MESSAGE_ID, message.messageId());
        return new NativeMessage(template.mediaType(), body.getBytes(StandardCharsets.UTF_8));
    }

    private OutboundTranslation translate(Planned message) {
        CanonicalMessage canonical = LedgerFixture.sample(message.agency(), message.kind(), REFERENCE, SEQUENCE.get(message.kind()), m -> {
            m.setMessageId(MESSAGE_ID);
            if (message.outcome() != null) {
                m.getFundingDecision().setOutcome(message.outcome());
            }
        });
        OutboundTranslation translation = adapters.require(message.agency()).fromCanonical(canonical);
        String body = new String(translation.body(), StandardCharsets.UTF_8);
        if (!body.contains(REFERENCE) || !body.contains(MESSAGE_ID)) {
            throw new IllegalStateException("the " + message.agency() + " adapter does not carry the joint reference and message id"
                    + " verbatim, so its " + message.kind() + " cannot be re-addressed by text: " + body);
        }
        return translation;
    }

    /** A message in a partner's format, ready to sign. */
    public record NativeMessage(String mediaType, byte[] body) {
    }

}
