package org.jointcall.signature.verify;

import java.net.URI;

/**
 * Why a signed message was refused. The slug is stable: it ends the RFC 9457 {@code type} URI that
 * partners program against (e.g. {@code …/problems/replay}), so a slug may be added but never renamed.
 * The status is the HTTP status the gateway answers with.
 */
public enum ProblemKind {
    SIGNATURE_MISSING("signature-missing", "The message carries no usable signature", 401),
    SIGNATURE_INVALID("signature-invalid", "The signature does not verify", 401),
    DIGEST_MISMATCH("digest-mismatch", "The body does not match its Content-Digest", 400),
    DIGEST_MISSING("digest-missing", "The message has no usable Content-Digest", 400),
    KEY_UNKNOWN("key-unknown", "The signing key is not registered", 401),
    KEY_EXPIRED("key-expired", "The signing key is outside its validity window", 401),
    KEY_OTHER_AGENCY("key-other-agency", "The signing key belongs to another agency", 403),
    REPLAY("replay", "The signature's nonce was already used", 401),
    CLOCK_SKEW("clock-skew", "The signature's creation time is too far from the gateway's clock", 401),
    EXPIRED("expired", "The signature has expired", 401),
    ALGORITHM_MISMATCH("algorithm-mismatch", "The signature algorithm does not match the registered key", 401),
    COMPONENT_MISSING("component-missing", "The signature does not cover what the profile requires", 401),
    TAG_INVALID("tag-invalid", "The signature is not made for this profile", 401),
    MALFORMED("malformed", "The signature fields are not well-formed", 400);

    private final String slug;
    private final String title;
    private final int status;

    ProblemKind(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /** The stable last segment of the problem type URI, e.g. {@code digest-mismatch}. */
    public String slug() {
        return slug;
    }

    /** A short, human-readable summary for the problem's {@code title}. */
    public String title() {
        return title;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** The problem type URI under {@code base}, e.g. {@code https://gateway.example/problems/} + slug. */
    public URI typeUnder(URI base) {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text + slug : text + "/" + slug);
    }

    @Override
    public String toString() {
        return slug;
    }
}
