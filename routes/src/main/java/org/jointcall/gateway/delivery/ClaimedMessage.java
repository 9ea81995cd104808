package org.jointcall.gateway.delivery;

import java.util.Objects;

/**
 * An outbox message a worker has claimed for one delivery attempt: the attempt number it is on
 * and the canonical XML to translate for its recipient.
 */
public record ClaimedMessage(long outboxId, String messageId, String recipient, String kind, byte[] canonicalXml, int attempt) {

    public ClaimedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(canonicalXml, "canonicalXml");
    }
}
