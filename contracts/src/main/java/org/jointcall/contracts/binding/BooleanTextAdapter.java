package org.jointcall.contracts.binding;

import jakarta.xml.bind.DatatypeConverter;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Binds a flag (required, selfFunded, shareable, …) to a boxed {@code Boolean}, so that a value missing from a JSON message stays
 * {@code null} and fails schema validation instead of silently becoming a default. In JSON the
 * value is written natively (see {@link CanonicalJsonIntrospector}).
 */
public final class BooleanTextAdapter extends XmlAdapter<String, Boolean> {

    @Override
    public Boolean unmarshal(String lexical) {
        return lexical == null ? null : DatatypeConverter.parseBoolean(lexical.strip());
    }

    @Override
    public String marshal(Boolean value) {
        return value == null ? null : DatatypeConverter.printBoolean(value);
    }
}
