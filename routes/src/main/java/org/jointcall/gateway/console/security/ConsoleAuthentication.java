package org.jointcall.gateway.console.security;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How a console request proves who sent it, in this order:
 * <ol>
 * <li>a login ({@code POST /api/v1/console/session}) hands a user name and password through
 *     {@code SecurityContext.authenticate}; if they are valid the user is signed in on a new session
 *     ({@link ConsoleSessions}, whose token goes into the {@link SessionCookie});</li>
 * <li>a static asset needs nobody (no session is looked up for it);</li>
 * <li>a request whose cookie names a session that has not ended is that session's user's, with the roles the user has now;
 *     a cookie whose session ended is cleared in the answer;</li>
 * <li>a request with {@code Authorization: Basic} is checked against the same users (scripts, no cookie);</li>
 * <li>either way, a user name with too many failed logins is refused without a password check ({@link LoginThrottle});</li>
 * <li>otherwise the request is anonymous: a console page then redirects to the login page, and the API's
 *     access filter answers 401 — what each endpoint allows is decided there, by its roles.</li>
 * </ol>
 * Requests outside the console (the signed partner API, health) pass through untouched.
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    public static final String API = "/api/v1/console";
    public static final String PAGES = "/console/";
    public static final String LOGIN_PAGE = PAGES + "login.html";
    /** Static assets carry no data (the API does) and the login page needs them before anyone signs in. */
    private static final Pattern PUBLIC_ASSET = Pattern.compile("/console/.*\\.(css|js|mjs|svg|png|ico|woff2?|map|json)");

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Inject
    ConsoleSessions sessions;

    @Inject
    SessionCookie cookie;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.equals(API) || path.startsWith(API + "/");
        boolean page = path.equals("/console") || path.startsWith(PAGES);
        if (!api && !page) {
            return context.doNothing();
        }
        Credential login = context.getAuthParameters().getCredential();
        if (login instanceof UsernamePasswordCredential credential) {
            CredentialValidationResult result = validate(request, credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                // The session resource answers the problem; nothing is written here.
                return AuthenticationStatus.SEND_FAILURE;
            }
            SignedIn signedIn = signIn(request, response, result);
            return context.notifyContainerAboutLogin(signedIn.username(), signedIn.roles());
        }
        if (isPublicAsset(path)) {
            return context.doNothing();
        }
        Optional<String> token = cookie.token(request);
        Optional<SignedIn> session = session(token);
        if (session.isPresent()) {
            session.get().attachTo(request);
            return context.notifyContainerAboutLogin(session.get().username(), session.get().roles());
        }
        if (token.isPresent()) {
            // Its session ended (signed out elsewhere, expired, a new password): the browser can stop sending it.
            cookie.clear(response);
        }
        Optional<UsernamePasswordCredential> basic = basic(request.getHeader("Authorization"));
        if (basic.isPresent()) {
            CredentialValidationResult result = validate(request, basic.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result.getCallerPrincipal().getName(), result.getCallerGroups());
            }
            // Wrong credentials stay anonymous: the access filter answers 401 for anything that needs a user.
            return context.doNothing();
        }
        if (page && needsLogin(path)) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /**
     * Starts a session for a valid login and hands its cookie to the browser. A session the browser had before ends: the
     * session that is signed in is always a new one, never one whose token someone may have planted or seen.
     */
    private SignedIn signIn(HttpServletRequest request, HttpServletResponse response, CredentialValidationResult login) {
        try {
            Optional<String> before = cookie.token(request);
            if (before.isPresent()) {
                sessions.endToken(before.get());
            }
            ConsoleSessions.Started started = sessions.start(login.getCallerPrincipal().getName(), login.getCallerGroups());
            cookie.issue(response, started.token());
            started.signedIn().attachTo(request);
            return started.signedIn();
        } catch (SQLException e) {
            throw new IllegalStateException("the console session cannot be started: " + e.getMessage(), e);
        }
    }

    /**
     * The session {@code token} (the request's cookie) names, if it has not ended. A database failure is an error (the
     * container's 500), not an anonymous request: a 401 would send a signed-in user to the login page, which cannot help.
     */
    private Optional<SignedIn> session(Optional<String> token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return sessions.find(token.get());
        } catch (SQLException e) {
            throw new IllegalStateException("the console sessions cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a user name and password unless the name is locked ({@link LoginThrottle}); a lock is marked on the request
     * for the session resource and the access filter to answer 429.
     */
    private CredentialValidationResult validate(HttpServletRequest request, UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        LoginThrottle.Standing standing = throttle.standing(username);
        if (standing.lockedUntil().isPresent()) {
            LoginThrottle.markLocked(request, standing.lockedUntil().get());
            return CredentialValidationResult.INVALID_RESULT;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            if (standing.failedBefore()) {
                throttle.succeeded(username);
            }
        } else if (result.getStatus() == CredentialValidationResult.Status.INVALID) {
            // NOT_VALIDATED is the database failing, not a wrong password: it counts for nothing.
            throttle.failed(username);
        }
        return result;
    }

    private static boolean needsLogin(String path) {
        return !path.equals(LOGIN_PAGE);
    }

    /** A stylesheet, script, image, font or dictionary of the console: the same for everyone, no data in it. */
    static boolean isPublicAsset(String path) {
        return PUBLIC_ASSET.matcher(path).matches();
    }

    /** The user name and password of an {@code Authorization: Basic} header (RFC 7617, UTF-8). */
    static Optional<UsernamePasswordCredential> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
