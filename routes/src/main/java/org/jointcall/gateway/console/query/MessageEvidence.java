package org.jointcall.gateway.console.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.gateway.agency.GatewayIdentity;
import org.jointcall.gateway.console.ConsoleJson;
import org.jointcall.gateway.ledger.HeaderLines;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.base.MessageSignatures;
import org.jointcall.signature.keys.JwksWriter;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.RegisteredKey;
import org.jointcall.signature.message.ResponseMessage;

/**
 * One message's evidence as a single JSON document that anyone can check without the gateway: the signed request
 * exactly as it went over the wire (method, target URI, header lines, body), the signed answer to it, and the public
 * keys of both signers. Inbound, the request is the agency's and the answer the gateway's {@code 202} receipt;
 * pushed, the request is the gateway's and the answer the partner's receipt; pulled, the request is the agency's
 * first signed acknowledgement (the gateway's answer to it is not kept). A message not sent yet has neither.
 *
 * <p>Bodies are base64, since a signature covers bytes, not text. A pushed body is the one the agency's adapter
 * writes now ({@link NativeForm}), given only when its digest is the one the gateway signed. A key that the gateway no
 * longer holds (rotated out of the agency's key files, or the gateway's own replaced and not kept in
 * {@code gateway.signing.published-keys}) is named under {@code missingKeys}: the signatures made with it can then be
 * checked only with a copy kept elsewhere.
 */
@ApplicationScoped
public class MessageEvidence {

    /** Says what the document is and how to check it; readers who find it in a mail attachment need to know. */
    static final String FORMAT = "jointcall-gateway message evidence, version 1";
    static final String HOW_TO_CHECK = "Verify request.signature with the key in 'keys' whose kid the request's Signature-Input"
            + " names (RFC 9421, tag jointcall-v1: @method, @authority, @path, @query, content-type, content-digest), and the"
            + " body against its Content-Digest (RFC 9530); then verify response as a signed answer to that request"
            + " (@status, content-digest, \"signature\";req). Times: a signature's created and expires parameters are the"
            + " moment to verify at.";
    static final String GATEWAY = GatewayIdentity.OWNER;

    /** A message's evidence and the file name to offer it under. */
    public record Evidence(String fileName, ObjectNode document) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    AdapterRegistry adapters;

    @Inject
    KeyRegistry partnerKeys;

    @Inject
    GatewayIdentity gateway;

    public Optional<Evidence> inbound(long ledgerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT agency, kind, message_id, request_uri, request_headers::text,"
                     + " body, verdict::text, receipt_status, receipt_headers::text, receipt_body, processing_state"
                     + " FROM exchange_ledger WHERE ledger_id = ?")) {
            query.setLong(1, ledgerId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String agency = row.getString(1);
                Document document = new Document("IN", ledgerId, agency, row.getString(2), row.getString(3), row.getString(11));
                document.request(agency, "POST", row.getString(4), row.getString(5), row.getBytes(6), null, row.getString(7));
                document.response(GATEWAY, row.getInt(8), row.getString(9), row.getBytes(10), null);
                return Optional.of(document.finish());
            }
        }
    }

    public Optional<Evidence> outbound(long outboxId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT recipient, kind, message_id, state, canonical_xml,"
                     + " request_uri, request_headers::text, receipt_status, receipt_headers::text, receipt_body, receipt_verdict::text,"
                     + " ack_uri, ack_headers::text, ack_verdict::text FROM outbox_message WHERE outbox_id = ?")) {
            query.setLong(1, outboxId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String agency = row.getString(1);
                Document document = new Document("OUT", outboxId, agency, row.getString(2), row.getString(3), row.getString(4));
                String target = row.getString(6);
                if (target != null) {
                    String headers = row.getString(7);
                    NativeForm written = NativeForm.written(adapters, agency, row.getBytes(5));
                    boolean sent = written.isBodySent(headers);
                    String bodyNote = sent ? null : written.body() == null ? written.failure()
                            : "the agency's adapter now writes other bytes than were sent: their digest is not the signed Content-Digest";
                    document.request(GATEWAY, "POST", target, headers, sent ? written.body() : null, bodyNote, null);
                    int status = row.getInt(8);
                    if (!row.wasNull()) {
                        document.response(agency, status, row.getString(9), row.getBytes(10), row.getString(11));
                    }
                } else if (row.getString(13) != null) {
                    document.request(agency, "POST", row.getString(12), row.getString(13), new byte[0], null, row.getString(14));
                }
                return Optional.of(document.finish());
            }
        }
    }

    /** The document being written, and the key ids its signatures name. */
    private final class Document {

        private final ObjectNode root = ConsoleJson.MAPPER.createObjectNode();
        private final String messageId;
        private final Set<String> partnerKeyIds = new LinkedHashSet<>();
        private final Set<String> gatewayKeyIds = new LinkedHashSet<>();

        Document(String direction, long id, String agency, String kind, String messageId, String state) {
            this.messageId = messageId;
            root.put("format", FORMAT).put("howToCheck", HOW_TO_CHECK);
            root.putObject("message").put("direction", direction).put("id", id).put("agency", agency).put("kind", kind)
                    .put("messageId", messageId).put("state", state);
            root.putNull("request");
            root.putNull("response");
        }

        /** {@code body} null when it cannot be given; {@code bodyNote} then says why. */
        void request(String signedBy, String method, String uri, String headersJson, byte[] body, String bodyNote, String verdictJson) {
            ObjectNode request = root.putObject("request").put("signedBy", signedBy).put("method", method).put("uri", uri);
            request.set("headers", ConsoleJson.tree(headersJson));
            request.put("body", body == null ? null : Base64.getEncoder().encodeToString(body));
            if (bodyNote != null) {
                request.put("bodyNote", bodyNote);
            }
            JsonNode verdict = ConsoleJson.tree(verdictJson);
            request.set("verdict", verdict);
            note(signedBy, headersJson, verdict);
        }

        void response(String signedBy, int status, String headersJson, byte[] body, String verdictJson) {
            ObjectNode response = root.putObject("response").put("signedBy", signedBy).put("status", status);
            response.set("headers", ConsoleJson.tree(headersJson));
            response.put("body", body == null ? null : Base64.getEncoder().encodeToString(body));
            JsonNode verdict = ConsoleJson.tree(verdictJson);
            response.set("verdict", verdict);
            note(signedBy, headersJson, verdict);
        }

        /** The key a part was signed with: a partner's from the verdict its verification stored, the gateway's from its Signature-Input. */
        private void note(String signedBy, String headersJson, JsonNode verdict) {
            if (GATEWAY.equals(signedBy)) {
                keyIdIn(headersJson).ifPresent(gatewayKeyIds::add);
                return;
            }
            if (verdict != null && verdict.hasNonNull("keyId")) {
                partnerKeyIds.add(verdict.path("keyId").asText());
            }
        }

        Evidence finish() {
            List<RegisteredKey> published = gateway.publishedKeys();
            // The key the gateway signs with now always goes in; another of its published keys when a part names it.
            Set<RegisteredKey> signers = new LinkedHashSet<>(List.of(published.get(0)));
            ArrayNode missing = ConsoleJson.MAPPER.createArrayNode();
            for (String keyId : gatewayKeyIds) {
                published.stream().filter(key -> key.keyId().equals(keyId)).findFirst()
                        .ifPresentOrElse(signers::add, () -> missing.add(keyId));
            }
            for (String keyId : partnerKeyIds) {
                partnerKeys.find(keyId).ifPresentOrElse(signers::add, () -> missing.add(keyId));
            }
            root.set("keys", ConsoleJson.tree(JwksWriter.writeRegistered(signers)));
            root.set("missingKeys", missing);
            return new Evidence(messageId.replaceAll("[^A-Za-z0-9._-]", "_") + ".evidence.json", root);
        }
    }

    /** The key id of the profile's signature among stored header lines; empty if there is none that parses. */
    private static Optional<String> keyIdIn(String headersJson) {
        if (headersJson == null) {
            return Optional.empty();
        }
        try {
            return MessageSignatures.read(ResponseMessage.of(200, HeaderLines.fromJson(headersJson), new byte[0]), SignatureProfile.LABEL)
                    .flatMap(signature -> signature.parameters().keyId());
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

}
