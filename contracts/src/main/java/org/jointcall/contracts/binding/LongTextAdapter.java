package org.jointcall.contracts.binding;

import jakarta.xml.bind.DatatypeConverter;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Binds the agency sequence to a boxed {@code Long}, so that a value missing from a JSON message stays
 * {@code null} and fails schema validation instead of silently becoming a default. In JSON the
 * value is written natively (see {@link CanonicalJsonIntrospector}).
 */
public final class LongTextAdapter extends XmlAdapter<String, Long> {

    @Override
    public Long unmarshal(String lexical) {
        return lexical == null ? null : DatatypeConverter.parseLong(lexical.strip());
    }

    @Override
    public String marshal(Long value) {
        return value == null ? null : DatatypeConverter.printLong(value);
    }
}
