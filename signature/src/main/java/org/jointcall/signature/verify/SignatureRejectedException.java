package org.jointcall.signature.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * A signed message the gateway refuses, with the kind of problem and a detail that names what was
 * wrong and what would have been right. Checked, so that no caller can forget that verification
 * fails as a matter of course.
 */
public final class SignatureRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ProblemKind kind;
    private final String detail;
    private final String keyId;

    public SignatureRejectedException(ProblemKind kind, String detail, String keyId) {
        super(kind.slug() + ": " + detail);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.keyId = keyId;
    }

    public SignatureRejectedException(ProblemKind kind, String detail, String keyId, Throwable cause) {
        this(kind, detail, keyId);
        initCause(cause);
    }

    public ProblemKind kind() {
        return kind;
    }

    /** What was wrong, for the problem's {@code detail} and the security log. */
    public String detail() {
        return detail;
    }

    /** The {@code keyid} the message claimed, when it got that far (for the security log). */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }
}
