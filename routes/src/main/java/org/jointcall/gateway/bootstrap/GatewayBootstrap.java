package org.jointcall.gateway.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.gateway.logging.GatewayLogFormat;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway in the one order that is safe: database (embedded server if needed, pool),
 * then schema migration, then Camel — so no route ever sees an old schema — and stops Camel first
 * on the way down, while the database is still there for in-flight exchanges.
 *
 * <p>Stopping observes {@code @BeforeDestroyed} rather than {@code @Destroyed}: the application
 * context, and with it the connection pool, is still alive at that point.
 *
 * <p>A failure while starting fails the deployment, and by default ends the process with status
 * {@value #STARTUP_FAILED}: Payara Micro would otherwise stay up with no application, answering
 * HTTP as if it were a gateway. A supervisor (systemd, Docker, Kubernetes) restarts it; set
 * {@code gateway.exit-on-startup-failure=false} where the WAR shares a server with others.
 */
@ApplicationScoped
public class GatewayBootstrap {

    /** Exit status of a gateway process whose startup failed (bad configuration, database unreachable). */
    public static final int STARTUP_FAILED = 3;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayBootstrap.class);

    @Inject
    GatewayLogFormat logFormat;

    @Inject
    SchemaMigration schema;

    @Inject
    CamelRuntime camel;

    @Inject
    @ConfigProperty(name = "gateway.exit-on-startup-failure", defaultValue = "true")
    boolean exitOnStartupFailure;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        long begin = System.nanoTime();
        try {
            logFormat.install();
            schema.migrate();
            camel.start();
        } catch (Exception e) {
            LOG.error("jointcall-gateway failed to start: {}", e.getMessage(), e);
            if (exitOnStartupFailure) {
                // Not on this thread: the JVM's shutdown hooks undeploy, and this thread is the one deploying.
                new Thread(() -> System.exit(STARTUP_FAILED), "gateway-startup-failed").start();
            }
            throw new IllegalStateException("jointcall-gateway failed to start: " + e.getMessage(), e);
        }
        LOG.info("jointcall-gateway started in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        camel.stop();
        LOG.info("jointcall-gateway stopped");
    }
}
