package org.jointcall.gateway.console.security;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A console user signed in on an HTTP session: who, with which roles, and the session's CSRF token.
 * Kept as one session attribute; the session cookie is all the browser holds.
 */
public record SignedIn(String username, Set<String> roles, String csrfToken) implements Serializable {

    private static final String ATTRIBUTE = SignedIn.class.getName();
    /** Request attribute naming how the current request was authenticated ({@link Via}). */
    private static final String VIA = SignedIn.class.getName() + ".via";

    /** How a request proved who sent it. Only the session cookie needs a CSRF token. */
    public enum Via { SESSION, AUTHORIZATION_HEADER }

    public SignedIn {
        roles = Set.copyOf(roles);
    }

    /**
     * Signs {@code username} in on a fresh session id (an id known before login, perhaps planted by an
     * attacker, is never the one that becomes authenticated: session fixation).
     */
    public static SignedIn start(HttpServletRequest request, String username, Set<String> roles) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        SignedIn signedIn = new SignedIn(username, roles, CsrfToken.generate());
        session.setAttribute(ATTRIBUTE, signedIn);
        return signedIn;
    }

    /** Who is signed in on the request's session, if anyone. */
    public static Optional<SignedIn> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (SignedIn) session.getAttribute(ATTRIBUTE));
    }

    public static void markVia(HttpServletRequest request, Via via) {
        request.setAttribute(VIA, via);
    }

    public static boolean viaSession(HttpServletRequest request) {
        return request.getAttribute(VIA) == Via.SESSION;
    }
}
