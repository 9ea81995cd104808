package org.jointcall.gateway.delivery;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.jointcall.contracts.v1.MessageKind;

/**
 * Why the gateway owes agencies a message: an agency's message in the ledger, or the gateway's own
 * change to a proposal (the deadline sweep), named by the proposal version it produced. The cause,
 * the kind and the recipient together give the message its id, so doing the same work twice can only
 * ever produce the same message, which the outbox then stores once.
 *
 * @param ledgerId the ledger message that caused it; null for a change the gateway made itself
 * @param jointId the joint proposal concerned
 * @param version the proposal's stored version after the change
 */
public record MessageCause(Long ledgerId, UUID jointId, long version) {

    public MessageCause {
        Objects.requireNonNull(jointId, "jointId");
    }

    public static MessageCause ledger(long ledgerId, UUID jointId, long version) {
        return new MessageCause(ledgerId, jointId, version);
    }

    public static MessageCause gateway(UUID jointId, long version) {
        return new MessageCause(null, jointId, version);
    }

    /** The envelope message id and the partner's idempotency key. */
    public String messageId(MessageKind kind, String recipient) {
        String what = kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + recipient.toLowerCase(Locale.ROOT);
        return ledgerId != null ? "gw-" + ledgerId + "-" + what : "gw-" + jointId + "-v" + version + "-" + what;
    }
}
