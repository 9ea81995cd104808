package org.jointcall.gateway.reconciliation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When reconciliation runs and what it tolerates: {@code gateway.reconciliation.period} (ms, default
 * 15 minutes) between runs, {@code gateway.reconciliation.initial-delay} (ms, default one minute)
 * after start, and {@code gateway.reconciliation.unacknowledged-after} (ms, default 6 hours) before a
 * message a pull agency has not acknowledged becomes a discrepancy, and
 * {@code gateway.reconciliation.queries-per-second} (default 10) that one run sends an agency at most. Checked at startup.
 */
@ApplicationScoped
public class ReconciliationSettings {

    private Duration period;
    private Duration initialDelay;
    private Duration unacknowledgedAfter;
    private double queriesPerSecond;

    /** For the CDI proxy only. */
    protected ReconciliationSettings() {
    }

    @Inject
    public ReconciliationSettings(
            @ConfigProperty(name = "gateway.reconciliation.period", defaultValue = "900000") long periodMillis,
            @ConfigProperty(name = "gateway.reconciliation.initial-delay", defaultValue = "60000") long initialDelayMillis,
            @ConfigProperty(name = "gateway.reconciliation.unacknowledged-after", defaultValue = "21600000") long unacknowledgedAfterMillis,
            @ConfigProperty(name = "gateway.reconciliation.queries-per-second", defaultValue = "10") double queriesPerSecond) {
        this.period = Duration.ofMillis(atLeast("gateway.reconciliation.period", periodMillis, 1000));
        this.initialDelay = Duration.ofMillis(atLeast("gateway.reconciliation.initial-delay", initialDelayMillis, 0));
        this.unacknowledgedAfter = Duration.ofMillis(atLeast("gateway.reconciliation.unacknowledged-after", unacknowledgedAfterMillis, 1));
        if (!(queriesPerSecond > 0) || Double.isInfinite(queriesPerSecond)) {
            throw new IllegalArgumentException("gateway.reconciliation.queries-per-second is " + queriesPerSecond + "; it must be a positive number");
        }
        this.queriesPerSecond = queriesPerSecond;
    }

    private static long atLeast(String property, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(property + " is " + value + "; it must be at least " + minimum + " (milliseconds)");
        }
        return value;
    }

    public Duration period() {
        return period;
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public Duration unacknowledgedAfter() {
        return unacknowledgedAfter;
    }

    public double queriesPerSecond() {
        return queriesPerSecond;
    }
}
