package org.jointcall.gateway.exchange;

import java.util.Objects;

/**
 * Ends the processing of an inbound message with a problem response. Thrown by the route's steps;
 * the route's error handler answers with {@link ProblemResponse} and records it in the security log.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.slug() + ": " + problem.detail());
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public ProblemException(Problem problem, Throwable cause) {
        this(problem);
        initCause(cause);
    }

    public Problem problem() {
        return problem;
    }
}
