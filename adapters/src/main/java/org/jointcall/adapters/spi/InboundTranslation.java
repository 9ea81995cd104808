package org.jointcall.adapters.spi;

import java.util.Objects;
import org.jointcall.contracts.v1.CanonicalMessage;

/**
 * A native message read into the canonical model, with the report of what was deliberately not taken
 * over (for example a reviewer's identity).
 */
public record InboundTranslation(CanonicalMessage message, TranslationReport report) {

    public InboundTranslation {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(report, "report");
    }
}
