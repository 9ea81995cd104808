package org.jointcall.gateway.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every startup step does when it fails — the bootstrap, the joint calls' and agencies' first load, the first
 * administrator, the demo: log why in the gateway's own log, and end the process with {@link #EXIT_STATUS}, so that a
 * supervisor (systemd, Docker, Kubernetes) sees a failed start instead of a Payara that answers 500 for ever.
 * {@code gateway.exit-on-startup-failure=false} keeps the process, where the WAR shares a server with others.
 */
@ApplicationScoped
public class StartupFailure {

    /** Exit status of a gateway process whose startup failed (bad configuration, database unreachable). */
    public static final int EXIT_STATUS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(StartupFailure.class);

    @Inject
    @ConfigProperty(name = "gateway.exit-on-startup-failure", defaultValue = "true")
    boolean exitOnStartupFailure;

    /** One that logs and throws but never ends the process, for a test that runs a startup step by hand. */
    public static StartupFailure withoutExit() {
        StartupFailure failure = new StartupFailure();
        failure.exitOnStartupFailure = false;
        return failure;
    }

    /** Logs {@code failure} of {@code step}, ends the process if so configured, and returns the exception to throw. */
    public IllegalStateException of(String step, Exception failure) {
        LOG.error("jointcall-gateway failed to start: {}: {}", step, failure.getMessage(), failure);
        if (exitOnStartupFailure) {
            // Not on this thread: the JVM's shutdown hooks undeploy, and this thread is the one deploying.
            new Thread(() -> System.exit(EXIT_STATUS), "gateway-startup-failed").start();
        }
        return new IllegalStateException("jointcall-gateway failed to start: " + step + ": " + failure.getMessage(), failure);
    }
}
