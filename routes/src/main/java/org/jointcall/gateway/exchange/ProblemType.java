package org.jointcall.gateway.exchange;

/**
 * The gateway's own problem types for inbound messages and for the console API, beside the signature
 * module's {@code ProblemKind}s. Slugs end the type URI clients program against, so they may be added
 * but never renamed.
 */
public enum ProblemType {
    AGENCY_UNKNOWN("agency-unknown", "No such partner agency", 404),
    PAYLOAD_TOO_LARGE("payload-too-large", "The message is larger than the gateway accepts", 413),
    MEDIA_TYPE_UNSUPPORTED("media-type-unsupported", "The agency's adapter does not read this media type", 415),
    MESSAGE_MALFORMED("message-malformed", "The message cannot be parsed", 400),
    TARGET_INVALID("target-invalid", "The request's Host or query is not part of a valid URI", 400),
    AUTHORITY_MISDIRECTED("authority-misdirected", "The request is addressed to another host than this gateway", 421),
    MESSAGE_INVALID("message-invalid", "The message does not satisfy the agency's schema or the canonical contract", 422),
    SENDER_MISMATCH("sender-mismatch", "The message names another sender than the agency it was posted for", 403),
    MESSAGE_ID_CONFLICT("message-id-conflict", "This message id was already used for other content", 409),
    MESSAGE_UNKNOWN("message-unknown", "The agency has sent no accepted message with this id", 404),
    INTERNAL_ERROR("internal-error", "The gateway failed to process the message", 500),
    // Pull inbox (org.jointcall.gateway.delivery.InboxRoutes).
    INBOX_NOT_PULLED("inbox-not-pulled", "The agency receives its messages by push", 409),
    CURSOR_INVALID("cursor-invalid", "The cursor is not one the gateway gave out", 400),
    INBOX_MESSAGE_UNKNOWN("inbox-message-unknown", "The agency's inbox holds no such message", 404),
    // Either API, answered by the container itself (ProblemErrorPage).
    METHOD_NOT_ALLOWED("method-not-allowed", "The resource does not take this method", 405),
    HTTP_ERROR("http-error", "The request failed", 400),
    // Console API (org.jointcall.gateway.console).
    AUTHENTICATION_REQUIRED("authentication-required", "Sign in to use the console", 401),
    LOGIN_FAILED("login-failed", "User name or password is wrong", 401),
    LOGIN_LOCKED("login-locked", "Too many failed logins for this user name", 429),
    ROLE_FORBIDDEN("role-forbidden", "Your role does not allow this", 403),
    CSRF_TOKEN_MISSING("csrf-token-missing", "The request lacks the session's CSRF token", 403),
    NOT_FOUND("not-found", "No such resource", 404),
    REQUEST_INVALID("request-invalid", "The request is not valid", 400),
    STATE_CONFLICT("state-conflict", "The resource is not in a state that allows this", 409);

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
