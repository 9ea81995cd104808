package org.jointcall.gateway.exchange;

/**
 * The gateway's own problem types for inbound messages, beside the signature module's
 * {@code ProblemKind}s. Slugs end the type URI partners program against, so they may be added but
 * never renamed.
 */
public enum ProblemType {
    AGENCY_UNKNOWN("agency-unknown", "No such partner agency", 404),
    PAYLOAD_TOO_LARGE("payload-too-large", "The message is larger than the gateway accepts", 413),
    MEDIA_TYPE_UNSUPPORTED("media-type-unsupported", "The agency's adapter does not read this media type", 415),
    MESSAGE_MALFORMED("message-malformed", "The message cannot be parsed", 400),
    MESSAGE_INVALID("message-invalid", "The message does not satisfy the agency's schema or the canonical contract", 422),
    SENDER_MISMATCH("sender-mismatch", "The message names another sender than the agency it was posted for", 403),
    MESSAGE_ID_CONFLICT("message-id-conflict", "This message id was already used for other content", 409),
    INTERNAL_ERROR("internal-error", "The gateway failed to process the message", 500);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
