package org.jointcall.gateway.console.api;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.outcome.JointOutcome;
import org.jointcall.contracts.proposal.ResearchSecurityStatus;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.gateway.console.action.ProposalAnnotations;
import org.jointcall.gateway.console.action.ProposalBookkeeping;
import org.jointcall.gateway.console.action.ProposalReopen;
import org.jointcall.gateway.console.query.ProposalDetail;
import org.jointcall.gateway.console.security.ConsoleRole;
import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemType;

/**
 * {@code /proposals/{jointId}}: the proposal page's data, annotations, extending an agency's decision deadline,
 * recording the research-security step, and reopening a rejected proposal.
 */
@Path("/proposals/{jointId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    /** A note's body. */
    public record Note(String text) {
    }

    /** An extension: the new decision deadline (ISO 8601 with its offset, e.g. 2027-03-31T17:00:00+09:00) and why. */
    public record Extension(String deadline, String comment) {
    }

    /** The deadline that applies to the track now, and the one it replaced. */
    public record Extended(UUID jointId, String agency, OffsetDateTime decisionDeadline, OffsetDateTime before) {
    }

    /** A research-security status ({@link ResearchSecurityStatus}) and why. */
    public record ResearchSecurity(String status, String comment) {
    }

    /** The research-security status now, and the one it replaced. */
    public record ResearchSecurityRecorded(UUID jointId, String researchSecurity, String before) {
    }

    /** The outcome after reopening. */
    public record Reopened(UUID jointId, String jointState) {
    }

    @Inject
    ProposalDetail detail;

    @Inject
    ProposalAnnotations annotations;

    @Inject
    ProposalReopen reopening;

    @Inject
    ProposalBookkeeping bookkeeping;

    @Context
    SecurityContext caller;

    @GET
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
    public ProposalDetail.Proposal proposal(@PathParam("jointId") String jointId) throws SQLException {
        UUID id = Requests.jointId(jointId);
        return detail.find(id).orElseThrow(() -> Requests.notFound("there is no joint proposal " + id));
    }

    @POST
    @Path("/annotations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME})
    public Response annotate(@PathParam("jointId") String jointId, Note note) throws SQLException {
        UUID id = Requests.jointId(jointId);
        String text = Requests.requiredText(note.text(), "text", 4000);
        if (!annotations.add(id, caller.getUserPrincipal().getName(), text)) {
            throw Requests.notFound("there is no joint proposal " + id);
        }
        return Response.status(Response.Status.CREATED).build();
    }

    @POST
    @Path("/tracks/{agency}/deadline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME})
    public Extended extendDeadline(@PathParam("jointId") String jointId, @PathParam("agency") String agency, Extension extension)
            throws SQLException {
        UUID id = Requests.jointId(jointId);
        AgencyId track;
        try {
            track = AgencyId.of(agency);
        } catch (ContractViolation notACode) {
            throw new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, notACode.reason()));
        }
        OffsetDateTime deadline = Requests.valid(() -> {
            try {
                return OffsetDateTime.parse(Requests.requiredText(extension.deadline(), "deadline", 64));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("deadline '" + extension.deadline() + "' is not an ISO 8601 date and time with"
                        + " its offset, e.g. 2027-03-31T17:00:00+09:00", e);
            }
        });
        String comment = Requests.requiredText(extension.comment(), "comment", 2000);
        try {
            OffsetDateTime before = bookkeeping.extendDeadline(id, track, deadline, caller.getUserPrincipal().getName(), comment)
                    .orElseThrow(() -> Requests.notFound("there is no joint proposal " + id));
            return new Extended(id, track.code(), deadline, before);
        } catch (ContractViolation refused) {
            ProblemType type = switch (refused.field()) {
                case "agency" -> ProblemType.NOT_FOUND;
                case "deadline" -> ProblemType.REQUEST_INVALID;
                default -> ProblemType.STATE_CONFLICT;
            };
            throw new ProblemException(Problem.of(type, refused.reason()));
        }
    }

    @PUT
    @Path("/research-security")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME})
    public ResearchSecurityRecorded recordResearchSecurity(@PathParam("jointId") String jointId, ResearchSecurity recorded)
            throws SQLException {
        UUID id = Requests.jointId(jointId);
        String name = Requests.requiredText(recorded.status(), "status", 64);
        ResearchSecurityStatus status = Requests.valid(() -> {
            try {
                return ResearchSecurityStatus.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status '" + name + "' is none of " + Arrays.toString(ResearchSecurityStatus.values()), e);
            }
        });
        String comment = Requests.requiredText(recorded.comment(), "comment", 2000);
        ResearchSecurityStatus before = bookkeeping.recordResearchSecurity(id, status, caller.getUserPrincipal().getName(), comment)
                .orElseThrow(() -> Requests.notFound("there is no joint proposal " + id));
        return new ResearchSecurityRecorded(id, status.name(), before.name());
    }

    @POST
    @Path("/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ConsoleRole.ADMINISTRATOR_NAME)
    public Reopened reopen(@PathParam("jointId") String jointId, Comment reopening) throws SQLException {
        UUID id = Requests.jointId(jointId);
        String comment = reopening.required();
        try {
            JointOutcome after = this.reopening.reopen(id, caller.getUserPrincipal().getName(), comment)
                    .orElseThrow(() -> Requests.notFound("there is no joint proposal " + id));
            return new Reopened(id, after.status().value());
        } catch (ContractViolation notRejected) {
            throw new ProblemException(Problem.of(ProblemType.STATE_CONFLICT, notRejected.getMessage()));
        }
    }
}
