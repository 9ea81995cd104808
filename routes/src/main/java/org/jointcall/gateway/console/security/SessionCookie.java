package org.jointcall.gateway.console.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's session cookie, {@value #NAME}: the token of a {@link ConsoleSessions} session, HttpOnly (scripts cannot
 * read it), SameSite=Strict (other sites' requests do not carry it) and Secure (HTTPS only) unless
 * {@code gateway.console.secure-cookie=false} for plain-HTTP development. No Max-Age: the browser forgets it when it
 * closes, and the server ends the session by itself. Written as a header, attribute by attribute as here (Payara
 * 6.2025.10 ignored the SameSite that Servlet 6's cookie configuration sets).
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "jcg_session";

    @Inject
    @ConfigProperty(name = "gateway.console.secure-cookie", defaultValue = "true")
    boolean secure;

    /** The token the request's cookie carries, if any. */
    public Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(NAME) && !cookie.getValue().isEmpty()) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** Gives the browser {@code token}. */
    public void issue(HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", NAME + "=" + token + attributes());
    }

    /** Makes the browser forget its token (signing out). */
    public void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", NAME + "=; Max-Age=0" + attributes());
    }

    private String attributes() {
        return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
