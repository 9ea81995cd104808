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
 * Runs {@link PartnerAndDeadlineAlerts} every {@code gateway.alerts.check-period} milliseconds (default 30 s), with
 * {@code gateway.alerts.deadline-warning-days} (default 7) and {@code gateway.alerts.lapsed-days} (default 14).
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

    @Override
    public void configure() {
        PartnerAndDeadlineAlerts check = new PartnerAndDeadlineAlerts(dataSource, circuits, alerts, Duration.ofDays(deadlineWarningDays),
                Duration.ofDays(lapsedDays));
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "Partner and deadline alerts not checked, trying again next period: ${exception.message}");

        from("timer:partner-and-deadline-alerts?delay=5000&period={{gateway.alerts.check-period:30000}}")
                .routeId("partner-and-deadline-alerts")
                .process(exchange -> exchange.getMessage().setBody(check.check(Instant.now())))
                .log(LoggingLevel.DEBUG, "Partner and deadline alerts: ${body}");
    }
}
