package org.jointcall.contracts.binding;

import jakarta.xml.bind.DatatypeConverter;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Binds a count or a year to a boxed {@code Integer}, so that a value missing from a JSON message stays
 * {@code null} and fails schema validation instead of silently becoming a default. In JSON the
 * value is written natively (see {@link CanonicalJsonIntrospector}).
 */
public final class IntegerTextAdapter extends XmlAdapter<String, Integer> {

    @Override
    public Integer unmarshal(String lexical) {
        return lexical == null ? null : DatatypeConverter.parseInt(lexical.strip());
    }

    @Override
    public String marshal(Integer value) {
        return value == null ? null : DatatypeConverter.printInt(value);
    }
}
