package org.jointcall.signature.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.greenbytes.http.sfv.BooleanItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;

/**
 * One entry of a signature's covered components: a field name or a derived component, with the
 * parameters of RFC 9421 §2.1–§2.4 ({@code sf}, {@code key}, {@code bs}, {@code req}, {@code tr},
 * {@code name}).
 *
 * <p>Every rule that can be checked without a message is checked on construction, so an identifier
 * that exists is one the base builder understands: an unknown derived component, an upper-case field
 * name or {@code ;bs} together with {@code ;sf} never get as far as the base. Equality is by the
 * serialised form, which is what the signature covers.
 */
public final class ComponentIdentifier {

    private static final String SF = "sf";
    private static final String KEY = "key";
    private static final String BS = "bs";
    private static final String REQ = "req";
    private static final String TR = "tr";
    private static final String NAME = "name";

    private final String name;
    private final Map<String, Object> parameters;
    private final DerivedComponent derived;
    private final String serialized;

    private ComponentIdentifier(String name, Map<String, Object> parameters) {
        this.name = name;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        String attempt = describe(name, parameters);
        this.derived = validate(attempt);
        this.serialized = toItem().serialize();
    }

    /** A field ({@code content-type}) or derived component ({@code @method}) without parameters. */
    public static ComponentIdentifier of(String name) {
        return new ComponentIdentifier(name, Map.of());
    }

    /** {@code "@query-param";name="…"}; {@code encodedName} is the name as it appears in the signature (re-encoded). */
    public static ComponentIdentifier queryParam(String encodedName) {
        return new ComponentIdentifier(DerivedComponent.QUERY_PARAM.identifier(), Map.of(NAME, encodedName));
    }

    /** Parses one serialised identifier such as {@code "signature";req;key="sig1"}. */
    public static ComponentIdentifier parse(String serialized) {
        Item<?> item;
        try {
            item = Parser.parseItem(serialized);
        } catch (ParseException e) {
            throw new ComponentException(ComponentException.Reason.INVALID, serialized,
                    "not an RFC 8941 string item with parameters: " + e.getMessage());
        }
        return fromItem(item);
    }

    /** The identifier carried by one item of a {@code Signature-Input} inner list. */
    public static ComponentIdentifier fromItem(Item<?> item) {
        if (!(item instanceof StringItem)) {
            throw new ComponentException(ComponentException.Reason.INVALID, item.serialize(),
                    "component identifiers are quoted strings, e.g. \"content-type\"");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Item<?>> parameter : item.getParams().entrySet()) {
            Object value = parameter.getValue().get();
            if (!(parameter.getValue() instanceof BooleanItem) && !(parameter.getValue() instanceof StringItem)) {
                throw new ComponentException(ComponentException.Reason.INVALID, item.serialize(),
                        "parameter " + parameter.getKey() + " must be a boolean flag or a string, not " + parameter.getValue().serialize());
            }
            parameters.put(parameter.getKey(), value);
        }
        return new ComponentIdentifier((String) item.get(), parameters);
    }

    /** The same component with {@code ;sf}: the value is re-serialised as a structured field. */
    public ComponentIdentifier structured() {
        return with(SF, Boolean.TRUE);
    }

    /** The same dictionary field with {@code ;key="…"}: only that member is covered. */
    public ComponentIdentifier member(String dictionaryKey) {
        return with(KEY, dictionaryKey);
    }

    /** The same field with {@code ;bs}: each line is covered as a byte sequence. */
    public ComponentIdentifier byteSequence() {
        return with(BS, Boolean.TRUE);
    }

    /** The same component with {@code ;req}: taken from the request a response answers. */
    public ComponentIdentifier fromRequest() {
        return with(REQ, Boolean.TRUE);
    }

    private ComponentIdentifier with(String parameter, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(parameters);
        copy.put(parameter, value);
        return new ComponentIdentifier(name, copy);
    }

    /** The component name: a lower-case field name or an {@code @}-name. */
    public String name() {
        return name;
    }

    /** The derived component, when the name starts with {@code @}. */
    public Optional<DerivedComponent> derived() {
        return Optional.ofNullable(derived);
    }

    public boolean isStructured() {
        return parameters.containsKey(SF);
    }

    public boolean isByteSequence() {
        return parameters.containsKey(BS);
    }

    public boolean isFromRequest() {
        return parameters.containsKey(REQ);
    }

    /** The {@code key} parameter of a dictionary member identifier. */
    public Optional<String> dictionaryKey() {
        return Optional.ofNullable((String) parameters.get(KEY));
    }

    /** The {@code name} parameter of {@code @query-param}, still percent-encoded. */
    public Optional<String> queryParamName() {
        return Optional.ofNullable((String) parameters.get(NAME));
    }

    /** The identifier as an RFC 8941 string item, parameters in their original order. */
    public StringItem toItem() {
        Map<String, Object> itemParameters = new LinkedHashMap<>(parameters);
        return StringItem.valueOf(name).withParams(Parameters.valueOf(itemParameters));
    }

    /** The serialised identifier as it appears in the signature base, e.g. {@code "@query-param";name="Pet"}. */
    public String serialize() {
        return serialized;
    }

    private DerivedComponent validate(String attempt) {
        if (name.isEmpty()) {
            throw invalid(attempt, "the component name is empty");
        }
        if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid(attempt, "component names are visible ASCII without spaces");
        }
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            String key = parameter.getKey();
            Object value = parameter.getValue();
            boolean flag = SF.equals(key) || BS.equals(key) || REQ.equals(key) || TR.equals(key);
            boolean text = KEY.equals(key) || NAME.equals(key);
            if (!flag && !text) {
                throw invalid(attempt, "unknown parameter " + key + "; RFC 9421 defines sf, key, bs, req, tr and name");
            }
            if (flag && !Boolean.TRUE.equals(value)) {
                throw invalid(attempt, "parameter " + key + " is a flag and must be written ;" + key + " (true), not " + value);
            }
            if (text && !(value instanceof String && ((String) value).chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
                throw invalid(attempt, "parameter " + key + " must be a string of printable ASCII");
            }
        }
        if (parameters.containsKey(TR)) {
            throw invalid(attempt, "trailer fields (;tr) are not supported: the gateway signs and verifies header fields only");
        }
        if (name.startsWith("@")) {
            DerivedComponent component = DerivedComponent.byIdentifier(name).orElseThrow(() -> invalid(attempt,
                    "unknown derived component; known are @method, @target-uri, @authority, @scheme, @request-target, "
                            + "@path, @query, @query-param and @status"));
            for (String key : parameters.keySet()) {
                boolean allowed = REQ.equals(key) || (NAME.equals(key) && component == DerivedComponent.QUERY_PARAM);
                if (!allowed) {
                    throw invalid(attempt, "parameter " + key + " does not apply to derived component " + name);
                }
            }
            if (component == DerivedComponent.QUERY_PARAM && !parameters.containsKey(NAME)) {
                throw invalid(attempt, "@query-param needs a name parameter, e.g. \"@query-param\";name=\"id\"");
            }
            return component;
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw invalid(attempt, "field names are covered in lower case (RFC 9421 §2.1); write \"" + name.toLowerCase(Locale.ROOT) + "\"");
        }
        if (parameters.containsKey(NAME)) {
            throw invalid(attempt, "parameter name only applies to @query-param");
        }
        if (parameters.containsKey(BS) && (parameters.containsKey(SF) || parameters.containsKey(KEY))) {
            throw invalid(attempt, ";bs cannot be combined with ;sf or ;key (RFC 9421 §2.1.3)");
        }
        return null;
    }

    private static ComponentException invalid(String attempt, String detail) {
        return new ComponentException(ComponentException.Reason.INVALID, attempt, detail);
    }

    private static String describe(String name, Map<String, Object> parameters) {
        StringBuilder text = new StringBuilder("\"").append(name).append('"');
        parameters.forEach((key, value) -> {
            text.append(';').append(key);
            if (!Boolean.TRUE.equals(value)) {
                text.append("=\"").append(value).append('"');
            }
        });
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ComponentIdentifier && ((ComponentIdentifier) other).serialized.equals(serialized);
    }

    @Override
    public int hashCode() {
        return serialized.hashCode();
    }

    @Override
    public String toString() {
        return serialized;
    }
}
