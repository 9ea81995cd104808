package org.jointcall.gateway.console.api;

import java.util.UUID;
import java.util.function.Supplier;

import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemType;

/** Turning request parameters into values, with a 400 problem that says which parameter was wrong and why. */
final class Requests {

    private Requests() {
    }

    /** The value {@code parse} makes of the request; its IllegalArgumentException becomes a 400 problem. */
    static <T> T valid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
    }

    /** The 400 problem of a request value the domain refused, with the domain's explanation. */
    static ProblemException invalid(IllegalArgumentException refusal) {
        return new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, refusal.getMessage()), refusal);
    }

    static UUID jointId(String value) {
        return valid(() -> {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("joint id '" + value + "' is not a UUID", e);
            }
        });
    }

    /** A page size; taken as text, since Jakarta REST would answer a {@code limit} that is no number with a bare 404. */
    static int limit(String limit, int fallback, int max) {
        int value;
        try {
            value = limit == null || limit.isEmpty() ? fallback : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, "limit '" + limit + "' is not a whole number"));
        }
        if (value < 1 || value > max) {
            throw new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, "limit " + value + " is outside 1.." + max));
        }
        return value;
    }

    /** A yes/no parameter; Jakarta REST would read anything but "true" (say "yes", or "maybe") as false. */
    static boolean flag(String value, String name, boolean fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, name + " '" + value + "' is not true or false"));
    }

    static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, detail));
    }

    static String requiredText(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, name + " is required"));
        }
        if (value.length() > maxLength) {
            throw new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, name + " has " + value.length()
                    + " characters; at most " + maxLength + " are accepted"));
        }
        return value.trim();
    }
}
