package org.jointcall.gateway.console.api;

import java.util.Map;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.jointcall.gateway.console.security.ConsoleRole;

/**
 * The console API, a Jakarta REST application at {@code /api/v1/console}. Its servlet mapping is
 * longer than Camel's {@code /api/*}, so the servlet container gives these paths to it. Resources
 * and providers are discovered ({@code @Path}, {@code @Provider}), so other packages add endpoints
 * (the administration of calls and agencies) without touching this class; every one of them passes
 * {@link ConsoleAccess}, which refuses endpoints that declare no roles.
 */
@ApplicationPath("/api/v1/console")
@DeclareRoles({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
public class ConsoleApplication extends Application {

    /**
     * JSON through {@link JsonBodies} only. The server brings JSON-B (which would win over it and omit
     * null members the contract keeps: {@code "next": null} ends a list), MOXy (which tries, and fails
     * with a logged warning, to build a JAXB context for every record) and its own Jackson (without the
     * date-time module). Naming another JSON feature in {@code jersey.config.jsonFeature} makes each of
     * them stand aside.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.jsonFeature", JsonBodies.class.getSimpleName(),
                "jersey.config.disableJsonBinding", true, "jersey.config.disableMoxyJson", true);
    }
}
