package org.jointcall.gateway.console.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The synchronizer token that defends session-authenticated requests against cross-site request
 * forgery: one random token per session, handed to the page by the session endpoints and sent back
 * in {@value #HEADER}. A forged request carries the browser's cookie but cannot read the token.
 * Requests authenticated by an {@code Authorization} header need none: a browser never adds that header by itself.
 */
public final class CsrfToken {

    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfToken() {
    }

    /** A new unguessable token (256 bits). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a request with this method changes state, and so needs the token when made with the session cookie. */
    public static boolean needed(String method) {
        return !SAFE_METHODS.contains(method);
    }

    /** Whether {@code presented} is the session's token; compared in constant time. */
    public static boolean matches(String expected, String presented) {
        return expected != null && presented != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
