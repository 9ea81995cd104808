package org.jointcall.contracts.binding;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Binds the schema's {@code Timestamp} (an {@code xs:dateTime} that must carry an offset) to
 * {@link OffsetDateTime}, keeping the sender's offset so that a message read and written again is
 * the same message. Used by both JAXB and Jackson, so XML and JSON spell an instant identically.
 */
public final class TimestampAdapter extends XmlAdapter<String, OffsetDateTime> {

    @Override
    public OffsetDateTime unmarshal(String lexical) {
        return lexical == null ? null : OffsetDateTime.parse(lexical.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Override
    public String marshal(OffsetDateTime value) {
        return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
}
