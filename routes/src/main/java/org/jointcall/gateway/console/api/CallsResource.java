package org.jointcall.gateway.console.api;

import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jointcall.gateway.console.query.CallsOverview;
import org.jointcall.gateway.console.query.Cursor;
import org.jointcall.gateway.console.query.MatrixFilter;
import org.jointcall.gateway.console.query.ProposalMatrix;
import org.jointcall.gateway.console.security.ConsoleRole;

/** {@code /calls}: the calls overview and each call's proposals × agencies matrix. */
@Path("/calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
public class CallsResource {

    @Inject
    CallsOverview overview;

    @Inject
    ProposalMatrix matrix;

    @GET
    public List<CallsOverview.CallSummary> calls() throws SQLException {
        return overview.calls();
    }

    @GET
    @Path("/{callId}/matrix")
    public ProposalMatrix.Matrix matrix(@PathParam("callId") String callId, @QueryParam("jointState") String jointState,
            @QueryParam("agency") String agency, @QueryParam("trackState") String trackState, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("after") String after,
            @QueryParam("limit") String limit) throws SQLException {
        MatrixFilter filter = Requests.valid(() -> new MatrixFilter(jointState, agency, trackState, q, MatrixFilter.Sort.named(sort),
                MatrixFilter.descending(dir), Cursor.parse(after), Requests.limit(limit, 50, 200)));
        return matrix.page(callId, filter).orElseThrow(() -> Requests.notFound("there is no joint call '" + callId + "'"));
    }
}
