package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jointcall.gateway.demo.PartnerRequests;
import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.Signed;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;

/**
 * A partner agency's system as the gateway sees it: builds a request to
 * {@code /api/v1/exchange/<agency>/messages}, signs it with the signature module's
 * {@link MessageSigner} exactly as the profile prescribes, and sends exactly those header lines over
 * real HTTP. Tests tamper with the signed {@link RequestMessage} between signing and sending.
 */
public final class PartnerClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1, as partner systems send: the JDK client would otherwise first try an h2c upgrade. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code http://localhost:<port>}: what every request's path is appended to, as written. */
    private final String origin;

    public PartnerClient(GatewayProcess gateway) {
        this(gateway.uri(""));
    }

    /** A client of whatever serves the partner API at {@code origin} (scheme, host and port). */
    public PartnerClient(URI origin) {
        this.origin = origin.toString();
    }

    /** An unsigned POST of {@code body} to {@code agencyInPath}'s messages endpoint. */
    public RequestMessage unsigned(String agencyInPath, String contentType, byte[] body) {
        return RequestMessage.of("POST", URI.create(origin + "/api/v1/exchange/" + agencyInPath + "/messages"),
                HttpFields.of("Content-Type", contentType), body);
    }

    /** The same, signed by {@code key} now. */
    public Signed<RequestMessage> signed(String agencyInPath, SigningIdentity key, String contentType, byte[] body) {
        return signer(key, Clock.systemUTC()).signRequest(unsigned(agencyInPath, contentType, body));
    }

    /** A signer as a partner would configure one (SHA-256 digests, the profile's lifetime). */
    public static MessageSigner signer(SigningIdentity key, Clock clock) {
        return PartnerRequests.signer(key, clock);
    }

    /** Sends {@code request} with its header lines as they are. */
    public Answer send(RequestMessage request) {
        return send(request, HttpRequest.BodyPublishers.ofByteArray(request.body()));
    }

    /** Sends {@code request} chunked, without a {@code Content-Length}, so the gateway cannot know the size in advance. */
    public Answer sendChunked(RequestMessage request) {
        return send(request, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body())));
    }

    private Answer send(RequestMessage request, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = PartnerRequests.http(request, body);
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.targetUri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to the gateway", e);
        }
    }

    /** A test resource under {@code /exchange/} with {@code "nsf-msg-2026-0001"} replaced by {@code messageId}. */
    public static byte[] message(String resource, String messageId) {
        try (InputStream in = PartnerClient.class.getResourceAsStream("/exchange/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test message /exchange/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("nsf-msg-2026-0001", messageId)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway's answer to one request. */
    public record Answer(RequestMessage request, HttpResponse<byte[]> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        /** The answer as the signature module sees a response, linked to the request it answers. */
        public ResponseMessage asReceipt() {
            List<HttpFields.FieldLine> lines = new ArrayList<>();
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                if (!header.getKey().startsWith(":")) {
                    header.getValue().forEach(value -> lines.add(new HttpFields.FieldLine(header.getKey(), value)));
                }
            }
            return ResponseMessage.of(response.statusCode(), HttpFields.of(lines), response.body()).answering(request);
        }

        public List<String> header(String name) {
            return response.headers().allValues(name);
        }

        /** The {@code type} of the RFC 9457 problem this answer carries. */
        public JsonNode problem() {
            assertThat(response.headers().firstValue("Content-Type")).as("content type of " + body()).contains("application/problem+json");
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not a JSON problem: " + body(), e);
            }
        }

        /**
         * Asserts a refusal: the status, the problem type under jointcall.org, a detail and the request
         * path as instance; nothing in {@code database}'s ledger for {@code messageId}; and the refusal
         * as the latest security event.
         */
        public Answer assertRefused(int status, String slug, TestDatabase.Database database, String messageId) throws SQLException {
            assertThat(status()).as("status of " + body()).isEqualTo(status);
            JsonNode problem = problem();
            assertThat(problem.path("type").asText()).isEqualTo("https://jointcall.org/problems/" + slug);
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("title").asText()).isNotBlank();
            assertThat(problem.path("detail").asText()).isNotBlank();
            assertThat(problem.path("instance").asText()).isEqualTo(request.targetUri().getRawPath());
            assertThat(database.column("SELECT count(*) FROM exchange_ledger WHERE message_id = '" + messageId + "'"))
                    .as("ledger rows for refused message " + messageId).containsExactly("0");
            assertThat(database.column("SELECT problem_type FROM security_event ORDER BY event_id DESC LIMIT 1"))
                    .as("latest security event").containsExactly(slug);
            return this;
        }
    }
}
