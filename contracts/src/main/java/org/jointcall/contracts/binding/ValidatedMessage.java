package org.jointcall.contracts.binding;

import java.util.Objects;
import org.jointcall.contracts.v1.CanonicalMessage;

/**
 * A canonical message together with the canonical XML the codec validated it as: both say the same, and
 * the bytes are those {@link CanonicalCodec#toXml} would write for the message. A caller that keeps the
 * message as XML (the gateway's ledger) takes these bytes instead of writing and validating it again.
 * The array is not copied.
 */
public record ValidatedMessage(CanonicalMessage message, byte[] xml) {

    public ValidatedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(xml, "xml");
    }
}
