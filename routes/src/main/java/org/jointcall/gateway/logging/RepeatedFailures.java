package org.jointcall.gateway.logging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error handler of the gateway's pollers (timer routes running every 50 ms): a failure is logged in one line,
 * and the same route's further failures at most once every {@link #QUIET}, with how many there were. While the
 * database is away every poll fails; Camel's default handler wrote a stack trace for each, about 40 lines a second
 * an instance, burying the one line that says what is wrong. The next poll tries again either way.
 */
public final class RepeatedFailures implements Processor {

    static final Duration QUIET = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(RepeatedFailures.class);

    private final Map<String, Reported> routes = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String route = exchange.getFromRouteId();
        Reported reported = routes.computeIfAbsent(route, ignored -> new Reported());
        long now = System.nanoTime();
        synchronized (reported) {
            if (reported.at != 0 && now - reported.at < QUIET.toNanos()) {
                reported.since.incrementAndGet();
                return;
            }
            long since = reported.since.getAndSet(0);
            reported.at = now;
            LOG.warn("{} failed{}: {}; it runs again at its next period", route,
                    since == 0 ? "" : " (" + since + " more failures since the last report)", describe(failure));
        }
    }

    private static String describe(Exception failure) {
        if (failure == null) {
            return "no exception recorded";
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return failure.getMessage() + (cause == failure ? "" : " (cause: " + cause + ")");
    }

    /** When a route's failure was last logged, and how many failures of it were not logged since. */
    private static final class Reported {
        long at;
        final AtomicLong since = new AtomicLong();
    }
}
