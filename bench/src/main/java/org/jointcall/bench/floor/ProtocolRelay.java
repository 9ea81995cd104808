package org.jointcall.bench.floor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jointcall.gateway.delivery.PartnerHttp;
import org.jointcall.gateway.demo.PartnerRequests;
import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.keys.FileKeyRegistry;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.Pkcs12SigningKeys;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.verify.InMemoryNonceStore;
import org.jointcall.signature.verify.MessageVerifier;
import org.jointcall.signature.verify.SignatureRejectedException;

/**
 * The least a gateway can do with a partner message under the signed API profile, and nothing else: verify the
 * partner's signature (digest, nonce, key), answer 202 with a signed receipt, then push a signed copy to each
 * other partner and verify that partner's signed receipt. No ledger, no database, no XML, no joint decision, no
 * retries: what is left is the HTTP and the ECDSA that any implementation of the profile must do, on the same
 * JDK HTTP client and signature module as the gateway. {@link FloorBenchmark} runs it in a JVM of its own, as
 * it runs the gateway, and measures how many messages per second that floor carries on this machine.
 *
 * <p>Each push's body starts with the line {@code floor-push cause=<partner message id>} so the partners can
 * tell which message it came from. A push that fails or whose receipt does not verify is counted and shown at
 * {@code GET /stats}; nothing is sent again.
 *
 * <p>Arguments (system properties): {@code relay.config} (the test configuration directory, for the agencies'
 * public keys), {@code relay.keystore}, {@code relay.keystore-password}, {@code relay.key-id} (the gateway's key),
 * {@code relay.partners} ({@code CODE=endpoint,…}), {@code relay.message-ids} (a regular expression finding the
 * partner message id in a body). Prints {@code listening <port>} once it serves.
 */
public final class ProtocolRelay {

    /** As many request threads as the gateway's default (see the README's Configuration). */
    private static final int REQUEST_THREADS = 8;
    /** As many pushes in flight as the gateway's default delivery batch. */
    private static final int PUSH_THREADS = 16;

    private final MessageVerifier requests;
    private final MessageVerifier receipts;
    private final MessageSigner signer;
    private final Map<String, URI> partners;
    private final Pattern messageIds;
    /** The gateway's partner client, with its default connect timeout. */
    private final HttpClient http = PartnerHttp.client(Duration.ofSeconds(5));
    private final ExecutorService pushes = Executors.newFixedThreadPool(PUSH_THREADS);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong pushed = new AtomicLong();
    private final AtomicLong pushFailures = new AtomicLong();

    ProtocolRelay(KeyRegistry agencyKeys, SigningIdentity gateway, Map<String, URI> partners, Pattern messageIds) {
        Clock clock = Clock.systemUTC();
        this.requests = SignatureProfile.requestVerifier(agencyKeys, new InMemoryNonceStore(clock), clock);
        this.receipts = SignatureProfile.receiptVerifier(agencyKeys, new InMemoryNonceStore(clock), clock);
        this.signer = new MessageSigner(gateway, clock);
        this.partners = partners;
        this.messageIds = messageIds;
    }

    public static void main(String[] args) throws IOException {
        Path config = Path.of(System.getProperty("relay.config"));
        Map<String, URI> partners = new LinkedHashMap<>();
        for (String partner : System.getProperty("relay.partners").split(",")) {
            String[] codeAndEndpoint = partner.split("=", 2);
            partners.put(codeAndEndpoint[0], URI.create(codeAndEndpoint[1]));
        }
        Map<String, Path> keyFolders = new LinkedHashMap<>();
        partners.keySet().forEach(code -> keyFolders.put(code.toLowerCase(Locale.ROOT), config.resolve("agencies").resolve(code).resolve("keys")));
        KeyRegistry agencyKeys = FileKeyRegistry.open(() -> keyFolders, config.toString(), Clock.systemUTC(), Duration.ofMinutes(10));
        SigningIdentity gateway = Pkcs12SigningKeys.load(Path.of(System.getProperty("relay.keystore")),
                System.getProperty("relay.keystore-password").toCharArray(), "gateway", System.getProperty("relay.key-id"));
        ProtocolRelay relay = new ProtocolRelay(agencyKeys, gateway, partners, Pattern.compile(System.getProperty("relay.message-ids")));

        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(REQUEST_THREADS));
        server.createContext("/api/v1/exchange/", relay::receive);
        server.createContext("/stats", relay::stats);
        server.start();
        System.out.println("listening " + server.getAddress().getPort());
        System.out.flush();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            // /api/v1/exchange/<agency>/messages
            String agency = exchange.getRequestURI().getPath().split("/")[4];
            RequestMessage request = RequestMessage.of(exchange.getRequestMethod(),
                    URI.create("http://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI()), fields(exchange), body);
            try {
                requests.verify(request, agency.toLowerCase(Locale.ROOT));
            } catch (SignatureRejectedException e) {
                refused.incrementAndGet();
                answer(exchange, e.kind().status(), HttpFields.of("Content-Type", "text/plain"), e.detail().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Matcher id = messageIds.matcher(new String(body, StandardCharsets.UTF_8));
            String cause = id.find() ? id.group() : "unknown";
            byte[] receiptBody = ("{\"messageId\":\"" + cause + "\",\"state\":\"RECEIVED\"}").getBytes(StandardCharsets.UTF_8);
            ResponseMessage receipt = signer.signReceipt(ResponseMessage.of(202, HttpFields.of("Content-Type", "application/json"),
                    receiptBody).answering(request)).message();
            answer(exchange, 202, receipt.fields(), receipt.body());
            accepted.incrementAndGet();
            byte[] copy = concat(("floor-push cause=" + cause + "\n").getBytes(StandardCharsets.UTF_8), body);
            String contentType = request.fields().values("Content-Type").get(0);
            partners.forEach((code, endpoint) -> {
                if (!code.equalsIgnoreCase(agency)) {
                    pushes.execute(() -> push(code, endpoint, contentType, copy));
                }
            });
        }
    }

    private void push(String code, URI endpoint, String contentType, byte[] body) {
        RequestMessage signed = signer.signRequest(RequestMessage.of("POST", endpoint, HttpFields.of("Content-Type", contentType), body)).message();
        HttpRequest request = PartnerRequests.http(signed, HttpRequest.BodyPublishers.ofByteArray(signed.body())).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            receipts.verify(ResponseMessage.of(response.statusCode(), PartnerHttp.fields(response.headers()), response.body())
                    .answering(signed), code.toLowerCase(Locale.ROOT));
            if (response.statusCode() / 100 != 2) {
                throw new IOException(code + " answered " + response.statusCode());
            }
            pushed.incrementAndGet();
        } catch (IOException | SignatureRejectedException | RuntimeException e) {
            pushFailures.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pushFailures.incrementAndGet();
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            String counts = "accepted=" + accepted.get() + " refused=" + refused.get() + " pushed=" + pushed.get()
                    + " push-failures=" + pushFailures.get();
            answer(exchange, 200, HttpFields.of("Content-Type", "text/plain"), counts.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static HttpFields fields(HttpExchange exchange) {
        List<HttpFields.FieldLine> lines = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value -> lines.add(new HttpFields.FieldLine(name, value))));
        return HttpFields.of(lines);
    }

    private static void answer(HttpExchange exchange, int status, HttpFields fields, byte[] body) throws IOException {
        fields.lines().forEach(line -> exchange.getResponseHeaders().add(line.name(), line.value()));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
