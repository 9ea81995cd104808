package org.jointcall.gateway.console.api;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemResponse;
import org.jointcall.gateway.exchange.ProblemType;

/** A refused console request ({@link ProblemException}) answered as RFC 9457 {@code application/problem+json}. */
@Provider
public class ProblemAnswers implements ExceptionMapper<ProblemException> {

    /** The problem member for the seconds a client should wait before asking again. */
    private static final String RETRY_AFTER = "retryAfter";

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProblemException exception) {
        return answer(exception.problem().at(uri.getRequestUri().getRawPath()));
    }

    /** The problem as a response; one with a {@code retryAfter} member also says it as {@code Retry-After}. */
    static Response answer(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(ProblemResponse.json(problem));
        String retryAfter = problem.extensions().get(RETRY_AFTER);
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response.build();
    }

    /** 429 for a user name locked until {@code until} ({@code LoginThrottle}), with the seconds to wait. */
    static Problem locked(Instant until) {
        long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
        return Problem.of(ProblemType.LOGIN_LOCKED, "this user name had too many failed logins; it may try again in " + seconds + " s")
                .with(RETRY_AFTER, Long.toString(seconds));
    }
}
