package org.jointcall.signature.base;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.ListElement;
import org.jointcall.signature.message.HttpMessage;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.structured.KnownFieldTypes;
import org.jointcall.signature.structured.MalformedFieldException;
import org.jointcall.signature.structured.StructuredFieldType;
import org.jointcall.signature.structured.StructuredFields;

/**
 * The exact bytes a signature is computed over (RFC 9421 §2.5): one line per covered component,
 * {@code "name";params: value}, and the {@code @signature-params} line last, without a final newline.
 *
 * <p>Signer and verifier build it with the same code from their own copy of the message; any
 * difference in a covered component then shows up as a failed verification rather than a silently
 * different base. A component that is missing or not representable stops construction with a
 * {@link ComponentException}, as §2.5 requires.
 */
public final class SignatureBase {

    private final String text;

    private SignatureBase(String text) {
        this.text = text;
    }

    /** The base of {@code message} under {@code parameters}, with the default structured field table. */
    public static SignatureBase of(HttpMessage message, SignatureParameters parameters) {
        return of(message, parameters, KnownFieldTypes.defaults());
    }

    /** The base of {@code message} under {@code parameters}; {@code types} tells which fields {@code ;sf} may parse. */
    public static SignatureBase of(HttpMessage message, SignatureParameters parameters, KnownFieldTypes types) {
        Objects.requireNonNull(message, "message");
        StringBuilder base = new StringBuilder(256);
        for (ComponentIdentifier component : parameters.components()) {
            HttpMessage source = sourceOf(message, component);
            String value = component.derived().isPresent()
                    ? derivedValue(source, component)
                    : fieldValue(source, component, types);
            base.append(component.serialize()).append(": ").append(requireBaseCharacters(component, value)).append('\n');
        }
        base.append("\"@signature-params\": ").append(parameters.serialize());
        return new SignatureBase(base.toString());
    }

    /** The base as text (US-ASCII). */
    public String text() {
        return text;
    }

    /** The base as the bytes that are signed. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static HttpMessage sourceOf(HttpMessage message, ComponentIdentifier component) {
        if (!component.isFromRequest()) {
            return message;
        }
        if (!(message instanceof ResponseMessage)) {
            throw new ComponentException(ComponentException.Reason.INVALID, component.serialize(),
                    ";req refers to the request a response answers and cannot be used in a request's signature");
        }
        return ((ResponseMessage) message).request().orElseThrow(() -> new ComponentException(ComponentException.Reason.ABSENT,
                component.serialize(), "the response is not linked to the request it answers"));
    }

    private static String derivedValue(HttpMessage source, ComponentIdentifier component) {
        DerivedComponent derived = component.derived().orElseThrow();
        if (derived == DerivedComponent.STATUS) {
            if (!(source instanceof ResponseMessage)) {
                throw new ComponentException(ComponentException.Reason.INVALID, component.serialize(), "@status exists only in responses");
            }
            return Integer.toString(((ResponseMessage) source).status());
        }
        if (!(source instanceof RequestMessage)) {
            throw new ComponentException(ComponentException.Reason.INVALID, component.serialize(), derived.identifier()
                    + " is a request component; a response covers it as \"" + derived.identifier() + "\";req");
        }
        RequestMessage request = (RequestMessage) source;
        switch (derived) {
            case METHOD:
                return request.method();
            case TARGET_URI:
                return request.targetUri().toASCIIString();
            case AUTHORITY:
                return request.authority();
            case SCHEME:
                return request.scheme();
            case REQUEST_TARGET:
                return request.requestTarget();
            case PATH:
                return request.path();
            case QUERY:
                return "?" + request.query().orElse("");
            case QUERY_PARAM:
                return queryParamValue(request, component);
            default:
                throw new IllegalStateException("derived component " + derived + " has no resolution");
        }
    }

    private static String queryParamValue(RequestMessage request, ComponentIdentifier component) {
        String wanted = component.queryParamName().orElseThrow();
        List<String> found = new ArrayList<>(1);
        String query = request.query().orElse("");
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (FormUrlEncoding.encode(FormUrlEncoding.decode(name)).equals(wanted)) {
                found.add(FormUrlEncoding.encode(FormUrlEncoding.decode(value)));
            }
        }
        if (found.isEmpty()) {
            throw new ComponentException(ComponentException.Reason.ABSENT, component.serialize(),
                    "the query '" + query + "' has no parameter named " + wanted);
        }
        if (found.size() > 1) {
            throw new ComponentException(ComponentException.Reason.INVALID, component.serialize(),
                    "the query parameter " + wanted + " occurs " + found.size()
                            + " times; RFC 9421 §2.2.8 forbids covering a repeated parameter, cover @query instead");
        }
        return found.get(0);
    }

    private static String fieldValue(HttpMessage source, ComponentIdentifier component, KnownFieldTypes types) {
        String name = component.name();
        List<String> lines = source.fields().values(name);
        if (lines.isEmpty()) {
            throw new ComponentException(ComponentException.Reason.ABSENT, component.serialize(),
                    "the " + (component.isFromRequest() ? "request" : "message") + " has no " + name + " field");
        }
        try {
            if (component.isByteSequence()) {
                return byteSequences(component, lines);
            }
            if (component.dictionaryKey().isPresent()) {
                return dictionaryMember(component, lines);
            }
            if (component.isStructured()) {
                StructuredFieldType type = types.typeOf(name).orElseThrow(() -> new ComponentException(
                        ComponentException.Reason.INVALID, component.serialize(),
                        "the structured type of field " + name + " is not known, so ;sf cannot re-serialise it"));
                return StructuredFields.parse(name, type, lines).serialize();
            }
        } catch (MalformedFieldException e) {
            throw new ComponentException(ComponentException.Reason.INVALID, component.serialize(), e.getMessage(), e);
        }
        List<String> trimmed = new ArrayList<>(lines.size());
        for (String line : lines) {
            trimmed.add(StructuredFields.trimOws(line));
        }
        return String.join(", ", trimmed);
    }

    private static String dictionaryMember(ComponentIdentifier component, List<String> lines) {
        String key = component.dictionaryKey().orElseThrow();
        Dictionary dictionary = StructuredFields.parseDictionary(component.name(), lines);
        Map<String, ListElement<? extends Object>> members = dictionary.get();
        ListElement<?> member = members.get(key);
        if (member == null) {
            throw new ComponentException(ComponentException.Reason.ABSENT, component.serialize(),
                    "the dictionary field " + component.name() + " has no member " + key + " (members: " + members.keySet() + ")");
        }
        return member.serialize();
    }

    private static String byteSequences(ComponentIdentifier component, List<String> lines) {
        List<String> encoded = new ArrayList<>(lines.size());
        for (String line : lines) {
            String value = StructuredFields.trimOws(line);
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) > 0xff) {
                    throw new ComponentException(ComponentException.Reason.INVALID, component.serialize(),
                            "the field value has the character U+" + String.format("%04X", (int) value.charAt(i))
                                    + " at position " + i + ", which is not an octet; field values are octets read as ISO-8859-1");
                }
            }
            encoded.add(ByteSequenceItem.valueOf(value.getBytes(StandardCharsets.ISO_8859_1)).serialize());
        }
        return String.join(", ", encoded);
    }

    private static String requireBaseCharacters(ComponentIdentifier component, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw new ComponentException(ComponentException.Reason.INVALID, component.serialize(),
                        "the value has the character U+" + String.format("%04X", (int) c) + " at position " + i
                                + "; the signature base is visible ASCII, so cover such a field with ;bs");
            }
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignatureBase && ((SignatureBase) other).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
