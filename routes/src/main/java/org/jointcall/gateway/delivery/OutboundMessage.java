package org.jointcall.gateway.delivery;

import java.util.Objects;

import org.jointcall.contracts.v1.MessageKind;

/** One canonical message the gateway owes one agency, and its {@link MessageCause}. */
public record OutboundMessage(String recipient, MessageKind kind, MessageCause cause, byte[] canonicalXml) {

    public OutboundMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(canonicalXml, "canonicalXml");
    }

    public String messageId() {
        return cause.messageId(kind, recipient);
    }
}
