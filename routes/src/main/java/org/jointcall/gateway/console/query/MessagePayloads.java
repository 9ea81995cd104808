package org.jointcall.gateway.console.query;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.gateway.console.ConsoleJson;

/**
 * One message's payloads side by side: the agency's native form and the canonical XML, with the HTTP
 * headers and the signature verdict. Inbound: exactly the bytes and headers the partner sent. Outbound:
 * the outbox keeps the canonical form; the native form is what the agency's adapter writes from it
 * (as delivery does), and the headers and verdict are those of the partner's signed receipt.
 */
@ApplicationScoped
public class MessagePayloads {

    public record Body(String mediaType, String body) {
    }

    public record Payloads(long id, String agency, String kind, String messageId, @JsonProperty("native") Body nativeForm,
            Body canonical, JsonNode headers, JsonNode verdict) {
    }

    private static final String CANONICAL_TYPE = "application/xml";


    @Inject
    DataSource dataSource;

    @Inject
    AdapterRegistry adapters;

    public Optional<Payloads> inbound(long ledgerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT agency, kind, message_id, media_type, body, canonical_xml,"
                     + " request_headers::text, verdict::text FROM exchange_ledger WHERE ledger_id = ?")) {
            query.setLong(1, ledgerId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Payloads(ledgerId, row.getString(1), row.getString(2), row.getString(3),
                        new Body(row.getString(4), text(row.getBytes(5))), new Body(CANONICAL_TYPE, text(row.getBytes(6))),
                        json(row.getString(7)), json(row.getString(8))));
            }
        }
    }

    public Optional<Payloads> outbound(long outboxId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT recipient, kind, message_id, canonical_xml,"
                     + " receipt_headers::text, receipt_verdict::text FROM outbox_message WHERE outbox_id = ?")) {
            query.setLong(1, outboxId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] canonical = row.getBytes(4);
                return Optional.of(new Payloads(outboxId, row.getString(1), row.getString(2), row.getString(3),
                        nativeForm(row.getString(1), canonical), new Body(CANONICAL_TYPE, text(canonical)),
                        json(row.getString(5)), json(row.getString(6))));
            }
        }
    }

    private Body nativeForm(String agency, byte[] canonical) {
        try {
            OutboundTranslation translation = adapters.require(agency).fromStoredCanonicalXml(canonical);
            return new Body(translation.mediaType(), text(translation.body()));
        } catch (RuntimeException e) {
            // Shown, not thrown: the page still shows the canonical form and why there is no native one.
            return new Body("text/plain", "the " + agency + " adapter cannot write this message: " + e.getMessage());
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ConsoleJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database holds JSON that does not parse: " + e.getOriginalMessage(), e);
        }
    }
}
