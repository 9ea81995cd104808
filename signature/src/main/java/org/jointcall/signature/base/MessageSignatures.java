package org.jointcall.signature.base;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.ListElement;
import org.jointcall.signature.message.HttpMessage;
import org.jointcall.signature.structured.MalformedFieldException;
import org.jointcall.signature.structured.StructuredFields;

/**
 * Reads the signatures a message carries from its {@code Signature-Input} and {@code Signature}
 * dictionaries (RFC 9421 §4), pairing members by label.
 *
 * <p>Reading is strict: a member of the wrong type, a label present in only one of the two fields, or
 * an identifier that breaks §2 makes the whole read fail with a message naming the label, because a
 * half-understood signature must never be verified as if it were whole.
 */
public final class MessageSignatures {

    public static final String SIGNATURE_INPUT = "Signature-Input";
    public static final String SIGNATURE = "Signature";

    private MessageSignatures() {
    }

    /**
     * Every signature of the message in {@code Signature-Input} order; empty when the message has
     * neither field.
     *
     * @throws MalformedFieldException when a field is not a valid dictionary, a member has the wrong
     *         type, the labels of the two fields differ, or a component identifier is invalid
     */
    public static List<MessageSignature> read(HttpMessage message) {
        List<String> inputLines = message.fields().values(SIGNATURE_INPUT);
        List<String> signatureLines = message.fields().values(SIGNATURE);
        if (inputLines.isEmpty() && signatureLines.isEmpty()) {
            return List.of();
        }
        if (inputLines.isEmpty() || signatureLines.isEmpty()) {
            String missing = inputLines.isEmpty() ? SIGNATURE_INPUT : SIGNATURE;
            throw new MalformedFieldException(missing, "the message has " + (inputLines.isEmpty() ? SIGNATURE : SIGNATURE_INPUT)
                    + " but no " + missing + "; both are needed to verify a signature");
        }
        Map<String, ListElement<? extends Object>> inputs = StructuredFields.parseDictionary(SIGNATURE_INPUT, inputLines).get();
        Map<String, ListElement<? extends Object>> values = StructuredFields.parseDictionary(SIGNATURE, signatureLines).get();
        for (String label : values.keySet()) {
            if (!inputs.containsKey(label)) {
                throw new MalformedFieldException(SIGNATURE, "member " + label + " has no matching member in " + SIGNATURE_INPUT
                        + " (labels there: " + inputs.keySet() + ")");
            }
        }
        List<MessageSignature> signatures = new ArrayList<>(inputs.size());
        for (Map.Entry<String, ListElement<? extends Object>> input : inputs.entrySet()) {
            String label = input.getKey();
            if (!(input.getValue() instanceof InnerList)) {
                throw new MalformedFieldException(SIGNATURE_INPUT, "member " + label
                        + " must be an inner list of component identifiers with parameters, e.g. (\"@method\");created=1618884473");
            }
            ListElement<?> value = values.get(label);
            if (value == null) {
                throw new MalformedFieldException(SIGNATURE, "no member " + label + " for the signature described in "
                        + SIGNATURE_INPUT + " (labels in " + SIGNATURE + ": " + values.keySet() + ")");
            }
            if (!(value instanceof ByteSequenceItem)) {
                throw new MalformedFieldException(SIGNATURE, "member " + label + " must be a byte sequence (:base64:), got " + value.serialize());
            }
            SignatureParameters parameters;
            try {
                parameters = SignatureParameters.fromInnerList((InnerList) input.getValue());
            } catch (ComponentException e) {
                throw new MalformedFieldException(SIGNATURE_INPUT, "member " + label + ": " + e.getMessage(), e);
            }
            signatures.add(MessageSignature.of(label, parameters, bytesOf((ByteSequenceItem) value)));
        }
        return List.copyOf(signatures);
    }

    /** The signature labelled {@code label}, if the message carries one. */
    public static Optional<MessageSignature> read(HttpMessage message, String label) {
        return read(message).stream().filter(signature -> signature.label().equals(label)).findFirst();
    }

    private static byte[] bytesOf(ByteSequenceItem item) {
        ByteBuffer buffer = item.get().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
