package org.jointcall.gateway.console.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.v1.Participation;
import org.jointcall.gateway.agency.ConfigurationRejected;
import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.console.security.ConsoleRole;
import org.jointcall.gateway.decision.CallAdministration;

/**
 * {@code /admin/calls}: administrators list the joint calls, read one's definition as configured
 * ({@code application/xml}, the canonical JointCall document) and create or replace it
 * ({@code PUT /admin/calls/{callId}}). A definition is checked by the validator that reads
 * {@code calls/*.xml}, stored and written to the configuration directory in one step, and used for
 * the next partner message; a refused one changes nothing. Every change is audited with it.
 */
@Path("/admin/calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ConsoleRole.ADMINISTRATOR_NAME)
public class CallsAdminResource {

    /** A call as configured. */
    public record CallLine(String callId, String programme, String title, String field, List<String> agencies,
            OffsetDateTime decisionDeadline, String file) {
    }

    @Inject
    CallAdministration calls;

    @Inject
    ConsoleAudit audit;

    @Context
    SecurityContext caller;

    @GET
    public List<CallLine> list() {
        return calls.list().stream().map(CallsAdminResource::line).toList();
    }

    @GET
    @Path("/{callId}")
    @Produces(MediaType.APPLICATION_XML)
    public Response definition(@PathParam("callId") String callId) throws IOException {
        CallAdministration.Configured call = calls.find(callId)
                .orElseThrow(() -> Requests.notFound("no joint call " + callId + " is configured (gateway.config.dir/calls)"));
        return Response.ok(Files.readAllBytes(call.file()), MediaType.APPLICATION_XML).build();
    }

    @PUT
    @Path("/{callId}")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response put(@PathParam("callId") String callId, InputStream body) throws IOException, SQLException {
        byte[] definition = ConfigurationBodies.read(body);
        String actor = caller.getUserPrincipal().getName();
        CallAdministration.Change change;
        try {
            change = calls.put(callId, definition, (connection, created) -> audit.record(connection, actor,
                    created ? "CREATE_CALL" : "REPLACE_CALL", "call " + callId, new String(definition, StandardCharsets.UTF_8)));
        } catch (ConfigurationRejected rejected) {
            throw ConfigurationBodies.rejected(rejected);
        }
        return Response.status(change.created() ? Response.Status.CREATED : Response.Status.OK).type(MediaType.APPLICATION_JSON)
                .entity(line(change.call())).build();
    }

    private static CallLine line(CallAdministration.Configured configured) {
        JointCall call = configured.call();
        return new CallLine(call.getCallId(), call.getProgramme(), call.getTitle(), call.getField().name(),
                call.getParticipants().stream().map(Participation::getAgency).toList(), call.getDeadlines().getDecision(),
                configured.file().getFileName().toString());
    }
}
