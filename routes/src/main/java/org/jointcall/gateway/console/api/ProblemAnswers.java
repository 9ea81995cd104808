package org.jointcall.gateway.console.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemResponse;

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
}
