package org.jointcall.gateway.bootstrap;

import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Camel context of this gateway instance, built from the CDI container because Camel 4
 * has no CDI integration of its own.
 *
 * <p>Every {@link RoutesBuilder} that is a CDI bean is added, so a new flow is a new
 * {@code @Dependent} RouteBuilder class and nothing else; its collaborators arrive by
 * {@code @Inject}. The REST DSL is served by camel-servlet, which web.xml maps to {@code /api/*}.
 * {@code {{placeholders}}} in endpoint URIs resolve through MicroProfile Config
 * (camel-microprofile-config), the gateway's one home for configuration.
 */
@ApplicationScoped
public class CamelRuntime {

    public static final String CONTEXT_NAME = "jointcall-gateway";
    /** The servlet name web.xml gives the partner API's servlet; camel-servlet finds it by this name. */
    public static final String SERVLET_NAME = "CamelServlet";
    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);

    @Inject
    @Any
    Instance<RoutesBuilder> routes;

    private DefaultCamelContext context;

    /** Builds the context, adds every route and starts it. Called once by the bootstrap. */
    synchronized void start() throws Exception {
        if (context != null) {
            throw new IllegalStateException("Camel context " + CONTEXT_NAME + " was already started");
        }
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(CONTEXT_NAME);
        camel.setApplicationContextClassLoader(CamelRuntime.class.getClassLoader());
        camel.getRestConfiguration().setComponent("servlet");
        camel.getRestConfiguration().setContextPath("/api");
        // A body is the partner's message, never form fields: Camel would otherwise parse a form-encoded one into
        // headers (beside the path's {agency}) and fail on one that is not a list of pairs, before the media-type check.
        camel.getRestConfiguration().setEndpointProperties(Map.of("mapHttpMessageFormUrlEncodedBody", "false"));
        for (RoutesBuilder builder : routes) {
            camel.addRoutes(builder);
        }
        camel.start();
        context = camel;
        LOG.info("Camel {} started with {} route(s)", camel.getVersion(), camel.getRoutesSize());
    }

    /** Stops the routes, letting in-flight exchanges finish within Camel's shutdown timeout. */
    @PreDestroy
    synchronized void stop() {
        if (context != null && !context.isStopped()) {
            context.stop();
        }
    }

    /** The running context; fails loudly when asked before the bootstrap started it. */
    @Produces
    public CamelContext context() {
        if (context == null) {
            throw new IllegalStateException("Camel context " + CONTEXT_NAME + " is not started yet");
        }
        return context;
    }

    /** True once every route is up; false while starting, after a failed start and while stopping. */
    public boolean started() {
        return context != null && context.isStarted();
    }

    /** Camel's own status word (Started, Stopping, ...) or "NotCreated" before the bootstrap ran. */
    public String status() {
        return context == null ? "NotCreated" : context.getStatus().name();
    }

    public int routeCount() {
        return context == null ? 0 : context.getRoutesSize();
    }
}
