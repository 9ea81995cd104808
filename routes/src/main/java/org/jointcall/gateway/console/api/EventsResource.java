package org.jointcall.gateway.console.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jointcall.gateway.console.live.ConsoleEvents;
import org.jointcall.gateway.console.security.ConsoleRole;
import org.jointcall.gateway.console.security.SignedIn;

/** {@code /events}: the Server-Sent Events stream of proposal and alert changes. */
@Path("/events")
@RequestScoped
public class EventsResource {

    @Inject
    ConsoleEvents events;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
    public void subscribe(@Context SseEventSink sink, @Context Sse sse, @Context HttpServletRequest request) {
        events.subscribe(sink, sse, SignedIn.of(request).map(SignedIn::sessionKey));
    }
}
