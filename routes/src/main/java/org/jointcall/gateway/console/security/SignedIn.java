package org.jointcall.gateway.console.security;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A console user signed in on a session ({@link ConsoleSessions}): who, with which roles, the session's CSRF token,
 * and the session's key. Attached to each request that its session cookie authenticated.
 */
public record SignedIn(String username, Set<String> roles, String csrfToken, String sessionKey) {

    private static final String ATTRIBUTE = SignedIn.class.getName();

    public SignedIn {
        roles = Set.copyOf(roles);
    }

    /** Marks {@code request} as made in this session. */
    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /**
     * The session {@code request} was made in; empty for an anonymous request and for one authenticated by an
     * {@code Authorization} header, which needs no CSRF token and opens no session.
     */
    public static Optional<SignedIn> of(HttpServletRequest request) {
        return Optional.ofNullable((SignedIn) request.getAttribute(ATTRIBUTE));
    }
}
