package org.jointcall.gateway.alert;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.gateway.delivery.PartnerCircuits;

/**
 * Runs {@link PartnerAndDeadlineAlerts} and {@link HeldMessageAlerts} every {@code gateway.alerts.check-period}
 * milliseconds (default 30 s), with {@code gateway.alerts.deadline-warning-days} (default 7),
 * {@code gateway.alerts.lapsed-days} (default 14) and {@code gateway.alerts.held-minutes} (default 60).
 */
@Dependent
public class PartnerAndDeadlineAlertRoutes extends RouteBuilder {

    @Inject
    DataSource dataSource;

    @Inject
    AlertLog alerts;

    @Inject
    PartnerCircuits circuits;

    @Inject
    @ConfigProperty(name = "gateway.alerts.deadline-warning-days", defaultValue = "7")
    long deadlineWarningDays;

    @Inject
    @ConfigProperty(name = "gateway.alerts.lapsed-days", defaultValue = "14")
    long lapsedDays;

    @Inject
    @ConfigProperty(name = "gateway.alerts.held-minutes", defaultValue = "60")
    long heldMinutes;

    @Override
    public void configure() {
        PartnerAndDeadlineAlerts check = new PartnerAndDeadlineAlerts(dataSource, circuits, alerts, Duration.ofDays(deadlineWarningDays),
                Duration.ofDays(lapsedDays));
        HeldMessageAlerts held = new HeldMessageAlerts(dataSource, alerts, Duration.ofMinutes(heldMinutes));
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "Partner, deadline and held-message alerts not checked, trying again next period: ${exception.message}");

        from("timer:partner-and-deadline-alerts?delay=5000&period={{gateway.alerts.check-period:30000}}")
                .routeId("partner-and-deadline-alerts")
                .process(exchange -> {
                    Instant now = Instant.now();
                    exchange.getMessage().setBody(check.check(now) + ", " + held.check(now));
                })
                .log(LoggingLevel.DEBUG, "Partner, deadline and held-message alerts: ${body}");
    }
}
