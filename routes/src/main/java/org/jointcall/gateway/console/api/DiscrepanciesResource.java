package org.jointcall.gateway.console.api;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.console.security.ConsoleRole;
import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemType;
import org.jointcall.gateway.reconciliation.Discrepancies;
import org.jointcall.gateway.reconciliation.Discrepancy;
import org.jointcall.gateway.reconciliation.DiscrepancyAlreadyResolvedException;
import org.jointcall.gateway.reconciliation.UnknownDiscrepancyException;

/** {@code /discrepancies}: what reconciliation found, and a coordinator's resolution of one (through {@link Discrepancies}). */
@Path("/discrepancies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DiscrepanciesResource {

    /** One discrepancy as the console lists it. */
    public record DiscrepancyLine(long id, String agency, String kind, UUID jointId, String jointReference, String localProposalId,
            String gatewayState, String partnerState, String detail, OffsetDateTime detectedAt, OffsetDateTime lastSeenAt,
            boolean resolved, Discrepancy.Resolution resolution) {
    }

    @Inject
    Discrepancies discrepancies;

    @Inject
    ConsoleAudit audit;

    @Context
    SecurityContext caller;

    @GET
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
    public List<DiscrepancyLine> list(@QueryParam("open") String openParameter) throws SQLException {
        return discrepancies.list(Requests.flag(openParameter, "open", true)).stream().map(DiscrepanciesResource::line).toList();
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME})
    public Response resolve(@PathParam("id") long id, Comment comment) throws SQLException {
        String text = comment.required();
        String actor = caller.getUserPrincipal().getName();
        try {
            discrepancies.resolve(id, actor, text);
        } catch (UnknownDiscrepancyException e) {
            throw Requests.notFound("there is no discrepancy " + id);
        } catch (DiscrepancyAlreadyResolvedException e) {
            throw new ProblemException(Problem.of(ProblemType.STATE_CONFLICT, "discrepancy " + id + " is already resolved"));
        }
        audit.record(actor, "RESOLVE_DISCREPANCY", "discrepancy " + id, text);
        return Response.ok().build();
    }

    private static DiscrepancyLine line(Discrepancy d) {
        return new DiscrepancyLine(d.id(), d.agency(), d.kind().name(), d.jointId(), d.jointReference(), d.localProposalId(),
                d.gatewayState(), d.partnerState(), d.detail(), d.detectedAt(), d.lastSeenAt(), d.resolved(), d.resolution().orElse(null));
    }
}
