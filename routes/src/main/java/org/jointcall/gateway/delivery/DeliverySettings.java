package org.jointcall.gateway.delivery;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How hard the gateway tries to deliver: attempts before a message is dead, the backoff between
 * attempts, HTTP timeouts, and when a partner's circuit opens. Checked once at startup so a wrong
 * value stops the gateway with the property named, instead of surfacing as odd retry behaviour.
 */
@ApplicationScoped
public class DeliverySettings {

    private int maxAttempts;
    private Duration firstBackoff;
    private Duration maxBackoff;
    private Duration connectTimeout;
    private Duration requestTimeout;
    private int batchSize;
    private int concurrency;
    private int circuitFailureThreshold;
    private Duration circuitOpenFor;

    /** For the CDI proxy only. */
    protected DeliverySettings() {
    }

    @Inject
    public DeliverySettings(
            @ConfigProperty(name = "gateway.delivery.max-attempts", defaultValue = "8") int maxAttempts,
            @ConfigProperty(name = "gateway.delivery.backoff-first-ms", defaultValue = "2000") long firstBackoffMillis,
            @ConfigProperty(name = "gateway.delivery.backoff-max-ms", defaultValue = "600000") long maxBackoffMillis,
            @ConfigProperty(name = "gateway.delivery.connect-timeout-ms", defaultValue = "5000") long connectTimeoutMillis,
            @ConfigProperty(name = "gateway.delivery.request-timeout-ms", defaultValue = "15000") long requestTimeoutMillis,
            @ConfigProperty(name = "gateway.delivery.batch-size", defaultValue = "20") int batchSize,
            @ConfigProperty(name = "gateway.delivery.concurrency", defaultValue = "16") int concurrency,
            @ConfigProperty(name = "gateway.delivery.circuit.failure-threshold", defaultValue = "5") int circuitFailureThreshold,
            @ConfigProperty(name = "gateway.delivery.circuit.open-ms", defaultValue = "30000") long circuitOpenMillis) {
        this.maxAttempts = atLeast("gateway.delivery.max-attempts", maxAttempts, 1);
        this.firstBackoff = Duration.ofMillis(atLeast("gateway.delivery.backoff-first-ms", firstBackoffMillis, 1));
        this.maxBackoff = Duration.ofMillis(atLeast("gateway.delivery.backoff-max-ms", maxBackoffMillis, firstBackoffMillis));
        this.connectTimeout = Duration.ofMillis(atLeast("gateway.delivery.connect-timeout-ms", connectTimeoutMillis, 1));
        this.requestTimeout = Duration.ofMillis(atLeast("gateway.delivery.request-timeout-ms", requestTimeoutMillis, 1));
        this.batchSize = atLeast("gateway.delivery.batch-size", batchSize, 1);
        this.concurrency = atLeast("gateway.delivery.concurrency", concurrency, 1);
        this.circuitFailureThreshold = atLeast("gateway.delivery.circuit.failure-threshold", circuitFailureThreshold, 1);
        this.circuitOpenFor = Duration.ofMillis(atLeast("gateway.delivery.circuit.open-ms", circuitOpenMillis, 1));
    }

    private static int atLeast(String property, int value, int minimum) {
        return (int) atLeast(property, (long) value, minimum);
    }

    private static long atLeast(String property, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(property + " is " + value + "; it must be at least " + minimum);
        }
        return value;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Backoff backoff() {
        return new Backoff(firstBackoff, maxBackoff);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How long a claimed message is left alone by other workers: longer than one attempt can take, so
     * only a crashed worker's message is picked up again (and then resent under the same message id).
     */
    public Duration claimLease() {
        return connectTimeout.plus(requestTimeout).plusSeconds(30);
    }

    public int batchSize() {
        return batchSize;
    }

    /** How many pushes one instance has in flight at once. */
    public int concurrency() {
        return concurrency;
    }

    public int circuitFailureThreshold() {
        return circuitFailureThreshold;
    }

    public Duration circuitOpenFor() {
        return circuitOpenFor;
    }

}
