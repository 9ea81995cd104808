package org.jointcall.adapters.spi;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A canonical message written in an agency's native format: the bytes to send, their media type, and
 * the report of every canonical fact the format could not carry.
 *
 * <p>The report may be worked out only when first asked for: finding the losses means reading the written
 * document back, which cost a tenth of a delivery's CPU, and the gateway's deliveries and inbox offers
 * only send the bytes. Today only the adapters' tests read an outbound report; a caller that wants one pays
 * for it then. Two translations are equal when their bytes, media types and reports are.
 */
public final class OutboundTranslation {

    private final byte[] body;
    private final String mediaType;
    private volatile TranslationReport report;
    /** Works the report out on first ask; dropped then, so the translation stops holding what it read. */
    private Supplier<TranslationReport> pendingReport;

    public OutboundTranslation(byte[] body, String mediaType, TranslationReport report) {
        this(body, mediaType, Objects.requireNonNull(report, "report"), null);
    }

    /** A translation whose report {@code reportOnFirstAsk} works out when, and if, {@link #report()} is called. */
    public OutboundTranslation(byte[] body, String mediaType, Supplier<TranslationReport> reportOnFirstAsk) {
        this(body, mediaType, null, Objects.requireNonNull(reportOnFirstAsk, "reportOnFirstAsk"));
    }

    private OutboundTranslation(byte[] body, String mediaType, TranslationReport report, Supplier<TranslationReport> pendingReport) {
        this.body = Objects.requireNonNull(body, "body").clone();
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.report = report;
        this.pendingReport = pendingReport;
    }

    public byte[] body() {
        return body.clone();
    }

    public String mediaType() {
        return mediaType;
    }

    /** What the format could not carry; worked out on the first call if it was left for later. */
    public TranslationReport report() {
        TranslationReport known = report;
        if (known == null) {
            synchronized (this) {
                known = report;
                if (known == null) {
                    known = Objects.requireNonNull(pendingReport.get(), "the translation's report");
                    report = known;
                    pendingReport = null;
                }
            }
        }
        return known;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboundTranslation that && Arrays.equals(body, that.body)
                && mediaType.equals(that.mediaType) && report().equals(that.report());
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(body), mediaType, report());
    }

    /** Names the report only if it is known: printing a translation should not cost a read-back. */
    @Override
    public String toString() {
        TranslationReport known = report;
        return "OutboundTranslation[" + body.length + " bytes of " + mediaType + ", "
                + (known == null ? "report not worked out yet" : known) + "]";
    }
}
