package org.jointcall.adapters.spi;

import java.util.Objects;

/**
 * A canonical message written in an agency's native format: the bytes to send, their media type, and
 * the report of every canonical fact the format could not carry.
 */
public record OutboundTranslation(byte[] body, String mediaType, TranslationReport report) {

    public OutboundTranslation {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(report, "report");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboundTranslation that && java.util.Arrays.equals(body, that.body)
                && mediaType.equals(that.mediaType) && report.equals(that.report);
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(body), mediaType, report);
    }

    @Override
    public String toString() {
        return "OutboundTranslation[" + body.length + " bytes of " + mediaType + ", " + report + "]";
    }
}
