package org.jointcall.gateway.console.api;

import java.io.IOException;
import java.io.InputStream;
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

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.agency.AgencyAdministration;
import org.jointcall.gateway.agency.ConfigurationRejected;
import org.jointcall.gateway.console.audit.ConsoleAudit;
import org.jointcall.gateway.console.security.ConsoleRole;
import org.jointcall.signature.keys.RegisteredKey;

/**
 * {@code /admin/agencies}: administrators list the partner agencies and create or replace an agency's
 * {@code agency.json} ({@code PUT /admin/agencies/{code}}, the document as the file holds it) or one of
 * its public key files ({@code PUT /admin/agencies/{code}/keys/{file}}, JWKS or PEM). Each document is
 * checked by the validator that reads the configuration directory, written there, and in service at
 * once; a refused one changes nothing. Every change is audited.
 */
@Path("/admin/agencies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ConsoleRole.ADMINISTRATOR_NAME)
public class AgenciesAdminResource {

    /** An agency as configured. */
    public record AgencyLine(String agency, String mode, String endpoint, String statusEndpoint, boolean receiptRequired,
            List<String> keyFiles) {
    }

    /** A key file as written, with the keys it registers. */
    public record KeyFileLine(String agency, String file, List<String> keyIds) {
    }

    @Inject
    AgencyAdministration agencies;

    @Inject
    ConsoleAudit audit;

    @Context
    SecurityContext caller;

    @GET
    public List<AgencyLine> list() {
        return agencies.list().stream().map(AgenciesAdminResource::line).toList();
    }

    @GET
    @Path("/{code}")
    public AgencyLine one(@PathParam("code") String code) {
        return agencies.find(code).map(AgenciesAdminResource::line)
                .orElseThrow(() -> Requests.notFound("there is no agency " + code + " (gateway.config.dir/agencies/" + code + ")"));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("code") String code, InputStream body) throws IOException, SQLException {
        byte[] document = ConfigurationBodies.read(body);
        AgencyAdministration.Change<AgencyAdministration.Configured> change;
        try {
            change = agencies.put(code, document);
        } catch (ConfigurationRejected rejected) {
            throw ConfigurationBodies.rejected(rejected);
        }
        audit.record(actor(), change.created() ? "CREATE_AGENCY" : "REPLACE_AGENCY", "agency " + code,
                new String(document, StandardCharsets.UTF_8));
        return Response.status(change.created() ? Response.Status.CREATED : Response.Status.OK).entity(line(change.result())).build();
    }

    @PUT
    @Path("/{code}/keys/{file}")
    @Consumes(MediaType.WILDCARD)
    public Response putKey(@PathParam("code") String code, @PathParam("file") String file, InputStream body)
            throws IOException, SQLException {
        byte[] content = ConfigurationBodies.read(body);
        AgencyAdministration.Change<List<RegisteredKey>> change;
        try {
            change = agencies.putKey(code, file, content)
                    .orElseThrow(() -> Requests.notFound("there is no agency " + code + "; create it before its keys"));
        } catch (ConfigurationRejected rejected) {
            throw ConfigurationBodies.rejected(rejected);
        }
        List<String> keyIds = change.result().stream().map(RegisteredKey::keyId).toList();
        audit.record(actor(), change.created() ? "CREATE_AGENCY_KEY" : "REPLACE_AGENCY_KEY", "agency " + code + " key file " + file,
                "keys " + keyIds);
        return Response.status(change.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new KeyFileLine(code, file, keyIds)).build();
    }

    private String actor() {
        return caller.getUserPrincipal().getName();
    }

    private static AgencyLine line(AgencyAdministration.Configured configured) {
        Agency agency = configured.agency();
        return new AgencyLine(agency.code().code(), agency.mode().name().toLowerCase(java.util.Locale.ROOT),
                agency.endpoint().map(Object::toString).orElse(null), agency.statusEndpoint().map(Object::toString).orElse(null),
                agency.receiptRequired(), configured.keyFiles());
    }
}
