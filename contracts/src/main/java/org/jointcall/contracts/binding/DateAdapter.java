package org.jointcall.contracts.binding;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.LocalDate;

/**
 * Binds the schema's {@code Date} (an {@code xs:date} without offset: budget periods and dispatch
 * plans are calendar days in the agency's own country) to {@link LocalDate}.
 */
public final class DateAdapter extends XmlAdapter<String, LocalDate> {

    @Override
    public LocalDate unmarshal(String lexical) {
        return lexical == null ? null : LocalDate.parse(lexical.strip());
    }

    @Override
    public String marshal(LocalDate value) {
        return value == null ? null : value.toString();
    }
}
