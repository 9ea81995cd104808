package org.jointcall.gateway.console.api;

import java.sql.SQLException;
import java.util.List;
import java.util.Collection;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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

import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.console.security.ConsoleRole;
import org.jointcall.gateway.console.security.ConsoleSessions;
import org.jointcall.gateway.console.security.ConsoleUser;
import org.jointcall.gateway.console.security.ConsoleUsers;
import org.jointcall.gateway.console.security.SignedIn;
import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemType;

/** {@code /admin/users}: administrators list, create and change console users. */
@Path("/admin/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ConsoleRole.ADMINISTRATOR_NAME)
public class UsersResource {

    /** A new user. */
    public record NewUser(String username, String password, List<String> roles) {
    }

    /** A change: the members given are changed, the others kept. */
    public record UserChange(String password, List<String> roles) {
    }

    /** A user as listed. */
    public record UserLine(String username, List<String> roles, java.time.OffsetDateTime createdAt) {
    }

    @Inject
    ConsoleUsers users;

    @Inject
    ConsoleAudit audit;

    @Inject
    ConsoleSessions sessions;

    @Context
    SecurityContext caller;

    @Context
    HttpServletRequest request;

    @GET
    public List<UserLine> list() throws SQLException {
        return users.list().stream().map(UsersResource::line).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser user) throws SQLException {
        ConsoleUser created;
        try {
            created = users.create(user.username(), user.password(), roles(user.roles()));
        } catch (IllegalArgumentException e) {
            throw Requests.invalid(e);
        }
        audit.record(actor(), "CREATE_USER", "user " + created.username(), "roles " + line(created).roles());
        return Response.status(Response.Status.CREATED).entity(line(created)).build();
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("username") String username, UserChange change) throws SQLException {
        boolean found;
        try {
            found = users.update(username, Optional.ofNullable(change.password()),
                    Optional.ofNullable(change.roles()).map(UsersResource::roles));
        } catch (IllegalArgumentException e) {
            throw Requests.invalid(e);
        }
        if (!found) {
            throw new ProblemException(Problem.of(ProblemType.NOT_FOUND, "there is no console user '" + username + "'"));
        }
        String password = "";
        if (change.password() != null) {
            // Whoever knew the old password may be signed in with it: their sessions end. The administrator's own
            // session, changing their own password, goes on.
            int count = sessions.endOthersOf(username, SignedIn.of(request).map(SignedIn::sessionKey));
            password = "password changed, " + count + " session(s) ended; ";
        }
        audit.record(actor(), "CHANGE_USER", "user " + username, password
                + (change.roles() != null ? "roles " + change.roles() : "roles kept"));
        return Response.noContent().build();
    }

    private String actor() {
        return caller.getUserPrincipal().getName();
    }

    private static Collection<ConsoleRole> roles(List<String> names) {
        if (names == null) {
            throw new IllegalArgumentException("roles are required: coordinator, administrator and/or auditor");
        }
        return names.stream().map(ConsoleRole::named).toList();
    }

    private static UserLine line(ConsoleUser user) {
        return new UserLine(user.username(), user.roles().stream().map(ConsoleRole::roleName).sorted().toList(), user.createdAt());
    }
}
