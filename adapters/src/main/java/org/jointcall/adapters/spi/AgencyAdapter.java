package org.jointcall.adapters.spi;

import java.util.List;
import java.util.Set;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;

/**
 * Translates between one agency's own message format and the canonical model, so that no agency has to
 * change its system to take part in a joint call. An adapter is a pure function of its input: it knows
 * nothing of transport, signatures or storage, and is safe to call from many threads at once.
 *
 * <p>Both directions are all-or-nothing: a result is complete, or a {@link TranslationException} says
 * which field at which position is wrong. What a format cannot carry is listed in the result's
 * {@link TranslationReport}, never dropped silently.
 */
public interface AgencyAdapter {

    /** The agency's code as used in canonical messages, e.g. {@code JST}, {@code NSF}. */
    String agency();

    /** The media types of the native bytes, the preferred one first. */
    List<String> mediaTypes();

    /** The message kinds this adapter reads and writes. */
    Set<MessageKind> messageKinds();

    /**
     * Reads a native message: checks encoding and schema first, then maps every field.
     *
     * @throws TranslationException naming the native field and its position
     */
    InboundTranslation toCanonical(byte[] nativeMessage);

    /**
     * Writes a canonical message in the native format; the result has passed the agency's schema.
     *
     * @throws TranslationException naming the canonical field that cannot be written
     */
    OutboundTranslation fromCanonical(CanonicalMessage message);

    /**
     * {@link #fromCanonical} for a message as the gateway keeps it: canonical XML that passed the codec when it was
     * stored and has not changed since. It is parsed as carefully as any XML, but not validated again: the
     * default binds it with {@code CanonicalCodec.fromStoredXml}; the {@code MappingAdapter} also skips
     * {@code fromCanonical}'s check of the message, since it writes straight from what it has just read.
     *
     * @throws IllegalStateException if the XML is not a canonical message (stored XML always is)
     * @throws TranslationException naming the canonical field that cannot be written
     */
    default OutboundTranslation fromStoredCanonicalXml(byte[] canonicalXml) {
        return fromCanonical(SpiCodec.CODEC.fromStoredXml(canonicalXml));
    }
}
