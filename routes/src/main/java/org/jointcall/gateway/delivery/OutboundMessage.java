package org.jointcall.gateway.delivery;

import java.util.Objects;
import java.util.UUID;

import org.jointcall.contracts.v1.MessageKind;

/**
 * One canonical message the gateway owes one agency because of one ledger message. The message id
 * is derived from the cause, the kind and the recipient, so applying the same cause twice can only
 * ever produce the same message, which the outbox then stores once.
 */
public record OutboundMessage(String recipient, MessageKind kind, UUID jointId, long causedBy, byte[] canonicalXml) {

    public OutboundMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jointId, "jointId");
        Objects.requireNonNull(canonicalXml, "canonicalXml");
    }

    /** The envelope message id, and the partner's idempotency key: {@code gw-<ledger id>-<kind>-<recipient>}. */
    public static String messageId(long causedBy, MessageKind kind, String recipient) {
        return "gw-" + causedBy + "-" + kind.name().toLowerCase().replace('_', '-') + "-" + recipient.toLowerCase();
    }

    public String messageId() {
        return messageId(causedBy, kind, recipient);
    }

    /** One message per cause, kind and recipient. */
    public String dedupKey() {
        return causedBy + ":" + kind.name() + ":" + recipient;
    }
}
