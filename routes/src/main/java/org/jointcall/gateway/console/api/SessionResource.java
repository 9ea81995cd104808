package org.jointcall.gateway.console.api;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.console.security.ConsoleRole;
import org.jointcall.gateway.console.security.ConsoleSessions;
import org.jointcall.gateway.console.security.LoginThrottle;
import org.jointcall.gateway.console.security.SessionCookie;
import org.jointcall.gateway.console.security.SignedIn;
import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemType;

/** {@code /session}: signing in (user name and password → session cookie and CSRF token), who is signed in, signing out. */
@Path("/session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** The login body. */
    public record Login(String username, String password) {
    }

    /** Who is signed in, and the token their state-changing requests must carry. */
    public record Session(String username, List<String> roles, String csrfToken) {
    }

    @Inject
    SecurityContext security;

    @Inject
    ConsoleAudit audit;

    @Inject
    ConsoleSessions sessions;

    @Inject
    SessionCookie cookie;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Session signIn(Login login) throws SQLException {
        if (login.username() == null || login.password() == null) {
            throw new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, "username and password are required"));
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(login.username(), login.password())).newAuthentication(true));
        Optional<Instant> locked = LoginThrottle.refusedAsLocked(request);
        if (locked.isPresent()) {
            throw new ProblemException(ProblemAnswers.locked(locked.get()));
        }
        Optional<SignedIn> signedIn = SignedIn.of(request);
        if (status != AuthenticationStatus.SUCCESS || signedIn.isEmpty()) {
            // Same answer for an unknown user and a wrong password: the answer does not reveal which user names exist.
            throw new ProblemException(Problem.of(ProblemType.LOGIN_FAILED, "the user name or the password is wrong"));
        }
        audit.record(signedIn.get().username(), "SIGN_IN", "session", null);
        return session(signedIn.get());
    }

    @GET
    @PermitAll
    public Session current() {
        SignedIn signedIn = SignedIn.of(request).orElseThrow(() -> new ProblemException(Problem.of(
                ProblemType.AUTHENTICATION_REQUIRED, "no one is signed in on this session: it has ended, or there is none")));
        return session(signedIn);
    }

    @DELETE
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
    public Response signOut() throws ServletException, SQLException {
        String username = request.getUserPrincipal().getName();
        Optional<SignedIn> session = SignedIn.of(request);
        if (session.isPresent()) {
            // Its event streams close too, on every instance (ConsoleEvents hears the row go).
            sessions.end(session.get().sessionKey());
            cookie.clear(response);
        }
        request.logout();
        audit.record(username, "SIGN_OUT", "session", null);
        return Response.noContent().build();
    }

    private static Session session(SignedIn signedIn) {
        return new Session(signedIn.username(), signedIn.roles().stream().sorted().toList(), signedIn.csrfToken());
    }
}
