package org.jointcall.gateway.console.api;

import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jointcall.gateway.console.query.AlertsView;
import org.jointcall.gateway.console.security.ConsoleRole;

/** {@code /alerts}: open alerts, or the latest of all with {@code open=false}. */
@Path("/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
public class AlertsResource {

    @Inject
    AlertsView alerts;

    @GET
    public List<AlertsView.AlertLine> list(@QueryParam("open") String openParameter) throws SQLException {
        return alerts.list(Requests.flag(openParameter, "open", true));
    }
}
