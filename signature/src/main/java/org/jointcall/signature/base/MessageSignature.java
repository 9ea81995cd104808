package org.jointcall.signature.base;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.ListElement;
import org.jointcall.signature.message.HttpFields;

/**
 * One signature of a message: its label, its parameters (from {@code Signature-Input}) and its value
 * (from {@code Signature}). A message may carry several, each under its own label.
 */
public final class MessageSignature {

    private final String label;
    private final SignatureParameters parameters;
    private final byte[] value;

    private MessageSignature(String label, SignatureParameters parameters, byte[] value) {
        this.label = requireLabel(label);
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.value = Objects.requireNonNull(value, "signature value").clone();
    }

    public static MessageSignature of(String label, SignatureParameters parameters, byte[] value) {
        return new MessageSignature(label, parameters, value);
    }

    public String label() {
        return label;
    }

    public SignatureParameters parameters() {
        return parameters;
    }

    /** A copy of the signature bytes. */
    public byte[] value() {
        return value.clone();
    }

    /** The {@code Signature-Input} member, e.g. {@code sig1=("@method");created=1618884473}. */
    public String signatureInputMember() {
        return dictionaryOf(parameters.toInnerList());
    }

    /** The {@code Signature} member, e.g. {@code sig1=:base64:}. */
    public String signatureMember() {
        return dictionaryOf(ByteSequenceItem.valueOf(value));
    }

    /** The two field lines that attach this signature to a message. */
    public HttpFields toFields() {
        return HttpFields.of(MessageSignatures.SIGNATURE_INPUT, signatureInputMember(), MessageSignatures.SIGNATURE, signatureMember());
    }

    private String dictionaryOf(ListElement<?> member) {
        Map<String, ListElement<? extends Object>> members = new LinkedHashMap<>();
        members.put(label, member);
        return Dictionary.valueOf(members).serialize();
    }

    static String requireLabel(String label) {
        Objects.requireNonNull(label, "label");
        boolean valid = !label.isEmpty() && ((label.charAt(0) >= 'a' && label.charAt(0) <= 'z') || label.charAt(0) == '*')
                && label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "_-.*".indexOf(c) >= 0);
        if (!valid) {
            throw new IllegalArgumentException("signature label '" + label
                    + "' is not an RFC 8941 key; use lower-case letters, digits and _-.* starting with a letter, e.g. sig1");
        }
        return label;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MessageSignature)) {
            return false;
        }
        MessageSignature that = (MessageSignature) other;
        return label.equals(that.label) && parameters.equals(that.parameters) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, parameters, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return signatureInputMember();
    }
}
