package org.jointcall.gateway.console.api;

import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.console.query.Cursor;
import org.jointcall.gateway.console.query.Page;
import org.jointcall.gateway.console.security.ConsoleRole;

/** {@code /audit}: the console's audit trail, newest first (auditors and administrators). */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ConsoleRole.AUDITOR_NAME, ConsoleRole.ADMINISTRATOR_NAME})
public class AuditResource {

    @Inject
    ConsoleAudit audit;

    @GET
    public Page<ConsoleAudit.Entry> page(@QueryParam("after") String after, @QueryParam("limit") String limit) throws SQLException {
        Cursor cursor = Requests.valid(() -> Cursor.parse(after));
        int size = Requests.limit(limit, 100, 500);
        try {
            return audit.page(cursor, size);
        } catch (IllegalArgumentException badCursor) {
            throw Requests.invalid(badCursor);
        }
    }
}
