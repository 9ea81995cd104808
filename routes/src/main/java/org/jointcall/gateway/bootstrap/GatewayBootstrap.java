package org.jointcall.gateway.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jointcall.gateway.agency.AgencyDirectory;
import org.jointcall.gateway.agency.PartnerKeys;
import org.jointcall.gateway.console.security.ConsoleSessions;
import org.jointcall.gateway.logging.GatewayLogFormat;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway in the one order that is safe: database (embedded server if needed, pool),
 * then schema migration, then the agencies and their keys, then Camel — so no route ever sees an old
 * schema or a configuration nobody has read yet — and stops Camel first on the way down, while the
 * database is still there for in-flight exchanges.
 *
 * <p>Stopping observes {@code @BeforeDestroyed} rather than {@code @Destroyed}: the application
 * context, and with it the connection pool, is still alive at that point.
 *
 * <p>A failure while starting fails the deployment and, by default, ends the process ({@link StartupFailure}).
 * The agencies and partner keys are read here, not when the first request needs them: a broken
 * {@code agency.json} or key file would otherwise leave a gateway that looks started and answers 500.
 */
@ApplicationScoped
public class GatewayBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayBootstrap.class);

    @Inject
    GatewayLogFormat logFormat;

    @Inject
    SchemaMigration schema;

    @Inject
    AgencyDirectory agencies;

    @Inject
    PartnerKeys partnerKeys;

    @Inject
    ConsoleSessions consoleSessions;

    @Inject
    CamelRuntime camel;

    @Inject
    StartupFailure failure;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        long begin = System.nanoTime();
        try {
            logFormat.install();
            schema.migrate();
            LOG.info("Agencies: {}; partner keys: {}", agencies.all().stream().map(agency -> agency.code().code()).toList(),
                    partnerKeys.registry().keys().size());
            LOG.info("Console sessions end {}", consoleSessions.limits());
            camel.start();
        } catch (Exception e) {
            throw failure.of("bootstrap", e);
        }
        LOG.info("jointcall-gateway started in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        camel.stop();
        LOG.info("jointcall-gateway stopped");
    }
}
