package org.jointcall.gateway.alert;

import java.util.Objects;

/**
 * One condition to alert on. {@code kind} and {@code subject} identify it — the same pair raised
 * again while still open is the same alert — so the subject names the thing, never the moment
 * ({@code NSF key nsf-2026}, not "expires in 9 days"); the changing part belongs in {@code detail}.
 */
public final class Alert {

    private final String kind;
    private final String subject;
    private final Severity severity;
    private final String detail;

    public Alert(String kind, String subject, Severity severity, String detail) {
        this.kind = required("kind", kind, 40);
        this.subject = required("subject", subject, 200);
        this.severity = Objects.requireNonNull(severity, "alert severity is required (WARNING or CRITICAL)");
        this.detail = required("detail", detail, Integer.MAX_VALUE);
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("alert " + field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("alert " + field + " '" + value + "' has " + value.length()
                    + " characters; at most " + maxLength + " fit");
        }
        return value;
    }

    public String kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public Severity severity() {
        return severity;
    }

    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Alert that && kind.equals(that.kind) && subject.equals(that.subject)
                && severity == that.severity && detail.equals(that.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, subject, severity, detail);
    }

    @Override
    public String toString() {
        return severity + " " + kind + " " + subject + ": " + detail;
    }
}
