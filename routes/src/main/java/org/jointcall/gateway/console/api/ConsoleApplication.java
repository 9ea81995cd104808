package org.jointcall.gateway.console.api;

import java.util.Set;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.jointcall.gateway.console.security.ConsoleRole;

/**
 * The console API, a Jakarta REST application at {@code /api/v1/console}. Its servlet mapping is
 * longer than Camel's {@code /api/*}, so the servlet container gives these paths to it. The classes
 * are listed rather than scanned: nothing answers here by accident.
 */
@ApplicationPath("/api/v1/console")
@DeclareRoles({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
public class ConsoleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(JsonBodies.class, ConsoleAccess.class, ProblemAnswers.class, UnexpectedFailures.class,
                SessionResource.class, CallsResource.class, ProposalResource.class, MessagesResource.class,
                ExchangeLogResource.class, DeadLettersResource.class, AlertsResource.class, AuditResource.class,
                UsersResource.class, EventsResource.class);
    }
}
