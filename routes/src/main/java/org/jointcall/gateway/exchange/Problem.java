package org.jointcall.gateway.exchange;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jointcall.signature.verify.ProblemKind;

/**
 * An RFC 9457 problem detail: {@code type} (under {@value #TYPE_BASE}), {@code title}, {@code status},
 * {@code detail} saying what was wrong, {@code instance} (the request path), and extension members
 * such as the native {@code field} and {@code position} of a translation failure.
 */
public record Problem(String slug, String title, int status, String detail, String instance, Map<String, String> extensions) {

    public static final String TYPE_BASE = "https://jointcall.org/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem's status must be 4xx or 5xx, not " + status);
        }
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.slug(), type.title(), type.status(), detail, null, Map.of());
    }

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(kind.slug(), kind.title(), kind.status(), detail, null, Map.of());
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    /** The same problem with one more extension member. */
    public Problem with(String member, String value) {
        Map<String, String> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(slug, title, status, detail, instance, more);
    }

    /** The same problem about the request at {@code path}. */
    public Problem at(String path) {
        return new Problem(slug, title, status, detail, path, extensions);
    }
}
