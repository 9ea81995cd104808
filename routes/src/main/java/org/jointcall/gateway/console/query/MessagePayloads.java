package org.jointcall.gateway.console.query;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.gateway.console.ConsoleJson;

/**
 * One message's payloads side by side: the agency's native form and the canonical XML, with the HTTP
 * headers and the signature verdict. Inbound: exactly the bytes and headers the partner sent. Outbound:
 * the native form is what the agency's adapter writes from the canonical form now; once pushed, the
 * headers are those of the request the gateway last sent (its signature included), with the partner's
 * signed receipt and its verdict, and {@code nativeAsSent} says whether the native form is byte for byte
 * the body that was sent (its digest matches the signed {@code Content-Digest}). A pull agency's inbox
 * writes its messages anew at every read; once acknowledged, the headers and verdict are those of the
 * agency's signed acknowledgement.
 */
@ApplicationScoped
public class MessagePayloads {

    public record Body(String mediaType, String body) {
    }

    /** A partner's answer to a push: its status and header lines. */
    public record Answer(int status, JsonNode headers) {
    }

    /**
     * @param nativeAsSent whether {@code nativeForm} holds the bytes that went over the wire: inbound always; outbound when
     *     the digest of the form written now matches the one the gateway signed when it last pushed the message
     * @param state inbound, how far the message got ({@code RECEIVED}, {@code APPLIED}, {@code HELD}, {@code REFUSED});
     *     outbound, the outbox state (a pull agency's inbox writes its messages anew at every read)
     * @param detail why it is in that state: inbound, what applying it did or why it was held or refused; outbound, the
     *     last failed attempt's error; null when there is nothing to say
     * @param target where an outbound message was last sent; null inbound and before a push
     * @param headers header lines as {@code [name, value]} pairs: inbound, the request as received; outbound, the request
     *     as sent, or a pull agency's acknowledgement as received
     * @param verdict inbound, the partner's signature; outbound, the partner's receipt or a pull agency's acknowledgement
     * @param receipt outbound, the partner's answer to the last push; null inbound
     */
    public record Payloads(long id, String agency, String kind, String messageId, @JsonProperty("native") Body nativeForm,
            boolean nativeAsSent, String state, String detail, Body canonical, String target, JsonNode headers, JsonNode verdict, Answer receipt) {
    }

    private static final String CANONICAL_TYPE = "application/xml";


    @Inject
    DataSource dataSource;

    @Inject
    AdapterRegistry adapters;

    public Optional<Payloads> inbound(long ledgerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT agency, kind, message_id, media_type, body, canonical_xml,"
                     + " request_headers::text, verdict::text, processing_state, processing_detail FROM exchange_ledger WHERE ledger_id = ?")) {
            query.setLong(1, ledgerId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Payloads(ledgerId, row.getString(1), row.getString(2), row.getString(3),
                        new Body(row.getString(4), text(row.getBytes(5))), true, row.getString(9), row.getString(10),
                        new Body(CANONICAL_TYPE, text(row.getBytes(6))),
                        null, ConsoleJson.tree(row.getString(7)), ConsoleJson.tree(row.getString(8)), null));
            }
        }
    }

    public Optional<Payloads> outbound(long outboxId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT recipient, kind, message_id, canonical_xml, request_uri,"
                     + " coalesce(request_headers, ack_headers)::text, receipt_status, receipt_headers::text,"
                     + " coalesce(receipt_verdict, ack_verdict)::text, state, last_error"
                     + " FROM outbox_message WHERE outbox_id = ?")) {
            query.setLong(1, outboxId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String agency = row.getString(1);
                byte[] canonical = row.getBytes(4);
                String target = row.getString(5);
                String headers = row.getString(6);
                NativeForm written = NativeForm.written(adapters, agency, canonical);
                Body nativeForm = new Body(written.mediaType(), written.body() == null ? written.failure() : text(written.body()));
                boolean asSent = target != null && written.isBodySent(headers);
                int receiptStatus = row.getInt(7);
                Answer receipt = row.wasNull() ? null : new Answer(receiptStatus, ConsoleJson.tree(row.getString(8)));
                return Optional.of(new Payloads(outboxId, agency, row.getString(2), row.getString(3), nativeForm, asSent,
                        row.getString(10), row.getString(11), new Body(CANONICAL_TYPE, text(canonical)), target, ConsoleJson.tree(headers),
                        ConsoleJson.tree(row.getString(9)), receipt));
            }
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

}
