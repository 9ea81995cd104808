package org.jointcall.signature.base;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.IntegerItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.StringItem;

/**
 * What one signature covers and asserts: the ordered covered components and the metadata parameters
 * of RFC 9421 §2.3 ({@code created}, {@code expires}, {@code nonce}, {@code alg}, {@code keyid},
 * {@code tag}).
 *
 * <p>The parameters keep the order in which they were written, because their serialisation is the
 * {@code @signature-params} line that gets signed: a verifier re-serialises what it received and must
 * produce exactly the signer's bytes. Unknown parameters are kept for the same reason.
 */
public final class SignatureParameters {

    public static final String CREATED = "created";
    public static final String EXPIRES = "expires";
    public static final String NONCE = "nonce";
    public static final String ALG = "alg";
    public static final String KEYID = "keyid";
    public static final String TAG = "tag";

    private final List<ComponentIdentifier> components;
    private final Map<String, Item<?>> parameters;

    private SignatureParameters(List<ComponentIdentifier> components, Map<String, Item<?>> parameters) {
        this.components = List.copyOf(components);
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Set<ComponentIdentifier> seen = new HashSet<>();
        for (ComponentIdentifier component : this.components) {
            if (!seen.add(component)) {
                throw new ComponentException(ComponentException.Reason.INVALID, component.serialize(),
                        "covered twice; each component may occur once in a signature (RFC 9421 §2.5)");
            }
        }
        requireInteger(CREATED);
        requireInteger(EXPIRES);
        for (String text : List.of(NONCE, ALG, KEYID, TAG)) {
            Item<?> value = parameters.get(text);
            if (value != null && !(value instanceof StringItem)) {
                throw new ComponentException(ComponentException.Reason.INVALID, "@signature-params",
                        "parameter " + text + " must be a string, got " + value.serialize());
            }
        }
    }

    /** A builder; parameters are serialised in the order of the calls. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The parameters of one {@code Signature-Input} member. Every item of the inner list must be a
     * valid component identifier, {@code created}/{@code expires} non-negative integers and
     * {@code nonce}/{@code alg}/{@code keyid}/{@code tag} strings.
     */
    public static SignatureParameters fromInnerList(InnerList list) {
        List<ComponentIdentifier> components = new ArrayList<>(list.get().size());
        for (Item<?> item : list.get()) {
            components.add(ComponentIdentifier.fromItem(item));
        }
        return new SignatureParameters(components, list.getParams());
    }

    /** The covered components in signing order. */
    public List<ComponentIdentifier> components() {
        return components;
    }

    public Optional<Instant> created() {
        return integer(CREATED).map(Instant::ofEpochSecond);
    }

    public Optional<Instant> expires() {
        return integer(EXPIRES).map(Instant::ofEpochSecond);
    }

    public Optional<String> nonce() {
        return string(NONCE);
    }

    /** The {@code alg} parameter as written (an HTTP Signature Algorithms registry name). */
    public Optional<String> algorithm() {
        return string(ALG);
    }

    public Optional<String> keyId() {
        return string(KEYID);
    }

    public Optional<String> tag() {
        return string(TAG);
    }

    /** Whether the signature parameters contain {@code name}, known or not. */
    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** The signature parameters as an RFC 8941 inner list. */
    public InnerList toInnerList() {
        List<Item<? extends Object>> items = new ArrayList<>(components.size());
        for (ComponentIdentifier component : components) {
            items.add(component.toItem());
        }
        return InnerList.valueOf(items).withParams(Parameters.valueOf(new LinkedHashMap<>(parameters)));
    }

    /** The value of the {@code @signature-params} line, e.g. {@code ("@method");created=1618884473}. */
    public String serialize() {
        return toInnerList().serialize();
    }

    private void requireInteger(String name) {
        Item<?> value = parameters.get(name);
        if (value != null && !(value instanceof IntegerItem && ((IntegerItem) value).getAsLong() >= 0)) {
            throw new ComponentException(ComponentException.Reason.INVALID, "@signature-params",
                    "parameter " + name + " must be a non-negative integer (seconds since the epoch), got " + value.serialize());
        }
    }

    private Optional<Long> integer(String name) {
        Item<?> value = parameters.get(name);
        return value == null ? Optional.empty() : Optional.of(((IntegerItem) value).getAsLong());
    }

    private Optional<String> string(String name) {
        Item<?> value = parameters.get(name);
        return value == null ? Optional.empty() : Optional.of(((StringItem) value).get());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignatureParameters && ((SignatureParameters) other).serialize().equals(serialize());
    }

    @Override
    public int hashCode() {
        return serialize().hashCode();
    }

    @Override
    public String toString() {
        return serialize();
    }

    /** Collects covered components and parameters in the order they are to be serialised. */
    public static final class Builder {

        private final List<ComponentIdentifier> components = new ArrayList<>();
        private final Map<String, Item<?>> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder cover(ComponentIdentifier component) {
            components.add(component);
            return this;
        }

        public Builder cover(List<ComponentIdentifier> more) {
            components.addAll(more);
            return this;
        }

        public Builder created(Instant created) {
            parameters.put(CREATED, IntegerItem.valueOf(created.getEpochSecond()));
            return this;
        }

        public Builder expires(Instant expires) {
            parameters.put(EXPIRES, IntegerItem.valueOf(expires.getEpochSecond()));
            return this;
        }

        public Builder nonce(String nonce) {
            return text(NONCE, nonce);
        }

        public Builder algorithm(String algorithm) {
            return text(ALG, algorithm);
        }

        public Builder keyId(String keyId) {
            return text(KEYID, keyId);
        }

        public Builder tag(String tag) {
            return text(TAG, tag);
        }

        private Builder text(String name, String value) {
            try {
                parameters.put(name, StringItem.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new ComponentException(ComponentException.Reason.INVALID, "@signature-params",
                        "parameter " + name + " '" + value + "' is not an RFC 8941 string (printable ASCII only)", e);
            }
            return this;
        }

        public SignatureParameters build() {
            return new SignatureParameters(components, parameters);
        }
    }
}
