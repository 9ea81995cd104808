package org.jointcall.gateway.console.api;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import org.jointcall.gateway.console.security.CsrfToken;
import org.jointcall.gateway.console.security.LoginThrottle;
import org.jointcall.gateway.console.security.SignedIn;
import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemType;

/**
 * Who may call which console endpoint, decided in one place before any resource runs. Deny by
 * default: an endpoint without {@code @RolesAllowed} (method or class) or {@code @PermitAll} answers
 * 403 to everyone. Anonymous callers get 401 (429 when their {@code Authorization: Basic} user name is locked
 * after too many failed logins), callers without one of the roles 403, and a
 * state-changing request authenticated by the session cookie must carry the session's CSRF token.
 */
@Provider
// Before the server's own @RolesAllowed filter (MicroProfile JWT's, at AUTHORIZATION), so refusals are this API's problems.
@Priority(Priorities.AUTHENTICATION)
public class ConsoleAccess implements ContainerRequestFilter {

    /** The answer to an anonymous caller of any endpoint but the session's. */
    static final Problem SIGN_IN_FIRST = Problem.of(ProblemType.AUTHENTICATION_REQUIRED,
            "sign in (POST /api/v1/console/session) or send an Authorization: Basic header");

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        Optional<RolesAllowed> allowed = Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
                .or(() -> Optional.ofNullable(resource.getResourceClass().getAnnotation(RolesAllowed.class)));
        SecurityContext caller = context.getSecurityContext();
        if (allowed.isEmpty()) {
            refuse(context, Problem.of(ProblemType.ROLE_FORBIDDEN, "no role may call this endpoint"));
            return;
        }
        if (caller.getUserPrincipal() == null) {
            Optional<Instant> locked = LoginThrottle.refusedAsLocked(request);
            refuse(context, locked.map(ProblemAnswers::locked).orElse(SIGN_IN_FIRST));
            return;
        }
        String[] roles = allowed.get().value();
        if (Arrays.stream(roles).noneMatch(caller::isUserInRole)) {
            refuse(context, Problem.of(ProblemType.ROLE_FORBIDDEN, caller.getUserPrincipal().getName() + " has none of the roles "
                    + String.join(", ", roles) + " this needs"));
            return;
        }
        Optional<SignedIn> session = SignedIn.of(request);
        if (CsrfToken.needed(context.getMethod()) && session.isPresent()) {
            if (!CsrfToken.matches(session.get().csrfToken(), context.getHeaderString(CsrfToken.HEADER))) {
                refuse(context, Problem.of(ProblemType.CSRF_TOKEN_MISSING, "a " + context.getMethod() + " with the session cookie must carry"
                        + " header " + CsrfToken.HEADER + " with the token the session endpoints gave"));
            }
        }
    }

    private void refuse(ContainerRequestContext context, Problem problem) {
        context.abortWith(ProblemAnswers.answer(problem.at(context.getUriInfo().getRequestUri().getRawPath())));
    }
}
