package org.jointcall.gateway.console.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemErrorPage;
import org.jointcall.gateway.exchange.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every other failure as a problem too: Jakarta REST's own refusals (unknown path 404, wrong method 405,
 * unsupported media type 415) keep their status, except that an anonymous caller is told to sign in
 * first; anything else is a gateway fault, logged, and answered 500 without internals.
 */
@Provider
public class UnexpectedFailures implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailures.class);

    @Context
    UriInfo uri;

    @Context
    SecurityContext caller;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable failure) {
        String path = uri.getRequestUri().getRawPath();
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            if (anonymousOutsideTheSession(web)) {
                return ProblemAnswers.answer(ConsoleAccess.SIGN_IN_FIRST.at(path));
            }
            String allowed = web.getResponse().getHeaderString("Allow");
            Response problem = ProblemAnswers.answer(ProblemErrorPage.problem(web.getResponse().getStatus(), request.getMethod(), path,
                    allowed).at(path));
            // RFC 9110 15.5.6: a 405 names the methods the resource takes, in the header as well as in the detail.
            return allowed == null ? problem : Response.fromResponse(problem).header("Allow", allowed).build();
        }
        LOG.error("Console request {} failed", path, failure);
        return ProblemAnswers.answer(Problem.of(ProblemType.INTERNAL_ERROR, "the console request failed inside the gateway;"
                + " the log has the details").at(path));
    }

    /**
     * Jakarta REST refuses a wrong method (405) or media type (406, 415) while it matches a request to an
     * endpoint, before {@link ConsoleAccess} asks who is calling. An anonymous caller is told to sign in there
     * too, as on every endpoint but the session's: what the API accepts is for callers who may use it.
     */
    private boolean anonymousOutsideTheSession(WebApplicationException refusal) {
        String endpoint = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
        return refusal.getResponse().getStatus() != 404 && caller.getUserPrincipal() == null
                && !(endpoint.equals("session") || endpoint.startsWith("session/"));
    }
}
