package org.jointcall.gateway.agency;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route {@code agency-reload}: every {@code gateway.config.recheck-period} milliseconds (default 10000)
 * the agencies are read from the configuration directory again, so an agency another instance's admin
 * API added or changed — or one an operator edited — is in service here too. A directory that does not
 * read keeps the agencies known before, and says why once.
 */
@Dependent
public class AgencyReloadRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyReloadRoutes.class);

    @Inject
    AgencyDirectory agencies;

    private String lastProblem;

    @Override
    public void configure() {
        from("timer:agency-reload?delay={{gateway.config.recheck-period:10000}}&period={{gateway.config.recheck-period:10000}}")
                .routeId("agency-reload")
                .process(exchange -> reload());
    }

    private void reload() {
        try {
            if (agencies.reload()) {
                LOG.info("Agencies reloaded from the configuration directory: {}", agencies.all());
            }
            lastProblem = null;
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
                LOG.warn("The agencies in the configuration directory do not read; keeping those known before: {}", e.getMessage());
            }
            lastProblem = String.valueOf(e.getMessage());
        }
    }
}
