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

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProblemException exception) {
        return answer(exception.problem().at(uri.getRequestUri().getRawPath()));
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(ProblemResponse.json(problem)).build();
    }

    /** 429 for a user name locked until {@code until} ({@code LoginThrottle}), with the seconds to wait as {@code Retry-After} and {@code retryAfter}. */
    static Response locked(Instant until, String path) {
        long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
        return Response.fromResponse(answer(Problem.of(ProblemType.LOGIN_LOCKED, "this user name had too many failed logins;"
                + " it may try again in " + seconds + " s").with("retryAfter", Long.toString(seconds)).at(path)))
                .header("Retry-After", seconds).build();
    }
}
