package org.jointcall.gateway.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.agency.AgencyDirectory;
import org.jointcall.gateway.agency.DeliveryMode;
import org.jointcall.gateway.delivery.PartnerCircuits;

/**
 * Each push partner's circuit breaker, reported as {@code partner-circuits} with one data entry per
 * agency ({@code CLOSED}, {@code HALF_OPEN}, {@code OPEN until …}) and the number open.
 *
 * <p>An open circuit means a partner is down, not this gateway: messages to it wait in the outbox and
 * everything else works, so the check stays UP (DOWN only when the circuits cannot be read).
 */
@Readiness
@ApplicationScoped
public class PartnerCircuitsHealthCheck implements HealthCheck {

    public static final String NAME = "partner-circuits";

    @Inject
    DataSource dataSource;

    @Inject
    PartnerCircuits circuits;

    @Inject
    AgencyDirectory agencies;

    @Inject
    DatabaseOutage outage;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Map<String, PartnerCircuits.Circuit> stored;
        if (outage.fresh()) {
            return response.withData("error", "database unreachable (see the database check)").down().build();
        }
        try (Connection connection = dataSource.getConnection()) {
            stored = circuits.all(connection);
        } catch (SQLException | RuntimeException e) {
            outage.failed();
            return response.withData("error", String.valueOf(e.getMessage())).down().build();
        }
        Map<String, String> states = new TreeMap<>();
        for (Agency agency : agencies.all()) {
            if (agency.mode() == DeliveryMode.PUSH) {
                states.put(agency.code().code(), "CLOSED");
            }
        }
        long open = 0;
        for (Map.Entry<String, PartnerCircuits.Circuit> circuit : stored.entrySet()) {
            String state = describe(circuit.getValue());
            open += state.startsWith("OPEN") ? 1 : 0;
            states.put(circuit.getKey(), state);
        }
        states.forEach(response::withData);
        return response.withData("open", open).up().build();
    }

    private static String describe(PartnerCircuits.Circuit circuit) {
        if (!"OPEN".equals(circuit.state()) || circuit.openUntil().isEmpty()) {
            return circuit.state();
        }
        Instant until = circuit.openUntil().get();
        return "OPEN until " + until + " after " + circuit.consecutiveFailures() + " consecutive failures"
                + (until.isBefore(Instant.now()) ? " (trial call due)" : "");
    }
}
