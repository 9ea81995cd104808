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
     * The server's JSON-B provider would otherwise win over {@link JsonBodies} for JSON, and it omits
     * null members, which the contract keeps ({@code "next": null} ends a list).
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.disableJsonBinding", true);
    }
}
