package org.jointcall.adapters.spi;

import java.util.Objects;
import org.jointcall.contracts.v1.CanonicalMessage;

/**
 * A native message read into the canonical model, with the report of what was deliberately not taken
 * over (for example a reviewer's identity), and the canonical XML the message was validated as when the
 * adapter has it: the gateway stores those bytes rather than writing and validating the message again.
 * {@code canonicalXml} is null when the adapter did not produce it (the gateway then writes it itself);
 * the array is not copied.
 */
public record InboundTranslation(CanonicalMessage message, TranslationReport report, byte[] canonicalXml) {

    public InboundTranslation {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(report, "report");
    }

    /** A translation without canonical XML. */
    public InboundTranslation(CanonicalMessage message, TranslationReport report) {
        this(message, report, null);
    }
}
