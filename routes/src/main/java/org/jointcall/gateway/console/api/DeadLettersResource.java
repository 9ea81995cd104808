package org.jointcall.gateway.console.api;

import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.jointcall.gateway.console.action.DeadLetterActions;
import org.jointcall.gateway.console.query.DeadLetters;
import org.jointcall.gateway.console.security.ConsoleRole;
import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemType;

/** {@code /dead-letters}: list them, resend one, mark one resolved. The one way to resend a message. */
@Path("/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    DeadLetterActions actions;

    @Context
    SecurityContext caller;

    @GET
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
    public List<DeadLetters.DeadLetter> list() throws SQLException {
        return deadLetters.list();
    }

    @POST
    @Path("/{outboxId}/resend")
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME})
    public Response resend(@PathParam("outboxId") long outboxId) throws SQLException {
        answer(actions.resend(outboxId, caller.getUserPrincipal().getName()), outboxId);
        return Response.accepted().build();
    }

    @POST
    @Path("/{outboxId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME})
    public Response resolve(@PathParam("outboxId") long outboxId, Comment comment) throws SQLException {
        String text = comment.required();
        answer(actions.resolve(outboxId, caller.getUserPrincipal().getName(), text), outboxId);
        return Response.ok().build();
    }

    private static void answer(DeadLetterActions.Outcome outcome, long outboxId) {
        switch (outcome) {
            case NOT_FOUND -> throw Requests.notFound("there is no outbox message " + outboxId);
            case NOT_DEAD -> throw new ProblemException(Problem.of(ProblemType.STATE_CONFLICT,
                    "outbox message " + outboxId + " is not a dead letter (delivery has not given up on it)"));
            case DONE -> { }
        }
    }
}
