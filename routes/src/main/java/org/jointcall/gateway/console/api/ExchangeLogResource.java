package org.jointcall.gateway.console.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jointcall.gateway.console.query.Cursor;
import org.jointcall.gateway.console.query.ExchangeLog;
import org.jointcall.gateway.console.query.LogFilter;
import org.jointcall.gateway.console.query.Page;
import org.jointcall.gateway.console.security.ConsoleRole;

/** {@code /exchange-log} (keyset pages of JSON) and {@code /exchange-log.csv} (the whole filtered view, streamed). */
@Path("/")
@RequestScoped
@RolesAllowed({ConsoleRole.COORDINATOR_NAME, ConsoleRole.ADMINISTRATOR_NAME, ConsoleRole.AUDITOR_NAME})
public class ExchangeLogResource {

    static final List<String> CSV_HEADER = List.of("id", "at", "direction", "agency", "kind", "messageId", "jointReference",
            "jointId", "status", "signatureVerdict");

    @Inject
    ExchangeLog log;

    @GET
    @Path("exchange-log")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<ExchangeLog.Entry> page(@QueryParam("agency") String agency, @QueryParam("kind") String kind,
            @QueryParam("direction") String direction, @QueryParam("status") String status, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("q") String q, @QueryParam("after") String after,
            @QueryParam("limit") String limit) throws SQLException {
        LogFilter filter = Requests.valid(() -> LogFilter.of(agency, kind, direction, status, from, to, q));
        Cursor cursor = Requests.valid(() -> Cursor.parse(after));
        int size = Requests.limit(limit, 100, 500);
        try {
            return log.page(filter, cursor, size);
        } catch (IllegalArgumentException badCursor) {
            throw Requests.invalid(badCursor);
        }
    }

    @GET
    @Path("exchange-log.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@QueryParam("agency") String agency, @QueryParam("kind") String kind,
            @QueryParam("direction") String direction, @QueryParam("status") String status, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("q") String q) {
        LogFilter filter = Requests.valid(() -> LogFilter.of(agency, kind, direction, status, from, to, q));
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            CsvWriter csv = new CsvWriter(writer);
            csv.record(CSV_HEADER);
            try {
                log.forEach(filter, entry -> {
                    try {
                        csv.record(Arrays.asList(entry.id(), entry.at(), entry.direction(), entry.agency(), entry.kind(),
                                entry.messageId(), entry.jointReference(), entry.jointId(), entry.status(), entry.signatureVerdict()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (SQLException e) {
                throw new IOException("exchange log export failed: " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"exchange-log.csv\"").build();
    }
}
