package org.jointcall.gateway.console.api;

import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jointcall.gateway.console.query.MessageEvidence;
import org.jointcall.gateway.console.query.MessagePayloads;
import org.jointcall.gateway.console.security.ConsoleRole;

/**
 * {@code /messages/in/{ledgerId}} and {@code /messages/out/{outboxId}}: a message's payloads, headers and verdict; with
 * {@code /evidence}, its signed request and answer and the signers' keys as one file ({@link MessageEvidence}).
 */
@Path("/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
public class MessagesResource {

    @Inject
    MessagePayloads payloads;

    @Inject
    MessageEvidence evidence;

    @GET
    @Path("/in/{ledgerId}")
    public MessagePayloads.Payloads inbound(@PathParam("ledgerId") long ledgerId) throws SQLException {
        return payloads.inbound(ledgerId).orElseThrow(() -> Requests.notFound("there is no ledger message " + ledgerId));
    }

    @GET
    @Path("/out/{outboxId}")
    public MessagePayloads.Payloads outbound(@PathParam("outboxId") long outboxId) throws SQLException {
        return payloads.outbound(outboxId).orElseThrow(() -> Requests.notFound("there is no outbox message " + outboxId));
    }

    @GET
    @Path("/in/{ledgerId}/evidence")
    public Response inboundEvidence(@PathParam("ledgerId") long ledgerId) throws SQLException {
        return download(evidence.inbound(ledgerId).orElseThrow(() -> Requests.notFound("there is no ledger message " + ledgerId)));
    }

    @GET
    @Path("/out/{outboxId}/evidence")
    public Response outboundEvidence(@PathParam("outboxId") long outboxId) throws SQLException {
        return download(evidence.outbound(outboxId).orElseThrow(() -> Requests.notFound("there is no outbox message " + outboxId)));
    }

    /** Offered as a file: the document is meant to be kept and handed on, not read in the page. */
    private static Response download(MessageEvidence.Evidence found) {
        return Response.ok(found.document(), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + found.fileName() + "\"").build();
    }
}
