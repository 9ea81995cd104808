package org.jointcall.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.gateway.agency.GatewayIdentity;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.SigningIdentity;

/**
 * One partner agency's system, simulated by a WireMock server on a free port: it verifies the gateway's
 * signature on every request ({@link GatewaySignatureCheck}: a request whose signature does not hold is
 * refused with the problem the gateway itself would answer), accepts {@code POST /jointcall/inbound} with
 * {@code 202} and a receipt the agency signs with its own key over the gateway's request signature, as the
 * signed API profile requires, and answers
 * reconciliation's status query {@code GET /jointcall/inbound/status?proposal=<id>} with what
 * {@link #reportStatus} set for that id (else a signed 404). Every request is recorded; the partner
 * can be made to fail ({@link #failWith}) and to recover.
 *
 * <p>The demo mode runs one per partner inside the gateway's process; the integration tests run them
 * beside the gateway under test.
 */
public final class PartnerSimulator implements AutoCloseable {

    public static final String INBOUND_PATH = "/jointcall/inbound";
    /** Where the gateway asks for a proposal's state by default: the inbound endpoint followed by {@code /status}. */
    public static final String STATUS_PATH = INBOUND_PATH + "/status";

    private final String code;
    private final AdapterRegistry adapters;
    private final WireMockServer server;
    private StubMapping failure;

    private PartnerSimulator(String code, SigningIdentity key, Supplier<KeyRegistry> gatewayKeys, AdapterRegistry adapters,
            Arrivals arrivals) {
        this.code = code;
        this.adapters = adapters;
        WireMockConfiguration options = options().dynamicPort()
                .extensions(new GatewaySignatureCheck(gatewayKeys, Clock.systemUTC()), new SignedReceipts(key));
        if (arrivals != null) {
            options.disableRequestJournal().extensions(new ArrivalListener(code, arrivals));
        }
        this.server = new WireMockServer(options);
        server.start();
        server.stubFor(post(urlPathEqualTo(INBOUND_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\":true}")));
        server.stubFor(get(urlPathEqualTo(STATUS_PATH)).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"" + code + " knows no such proposal\",\"status\":404}")));
    }

    /**
     * Starts {@code code}'s simulator, signing with {@code key}, taking only requests that verify with the key in
     * {@code gatewayKeys} (held by {@link GatewayIdentity#OWNER}; asked at each request, so it may be fetched late), and
     * answering status queries in the agency's format.
     */
    public static PartnerSimulator start(String code, SigningIdentity key, Supplier<KeyRegistry> gatewayKeys, AdapterRegistry adapters) {
        return new PartnerSimulator(code, key, gatewayKeys, adapters, null);
    }

    /**
     * The same for loads too large to keep every request in memory (bench/): no journal, so {@link #received()}
     * and {@link #accepted()} stay empty; instead {@code arrivals} hears of each delivery once it is answered.
     */
    public static PartnerSimulator recording(String code, SigningIdentity key, Supplier<KeyRegistry> gatewayKeys, AdapterRegistry adapters,
            Arrivals arrivals) {
        return new PartnerSimulator(code, key, gatewayKeys, adapters, Objects.requireNonNull(arrivals, "arrivals"));
    }

    /** Told of every delivery ({@code POST} to the inbound path) a recording simulator answered. */
    @FunctionalInterface
    public interface Arrivals {
        void answered(String agency, int status, byte[] body);
    }

    public String code() {
        return code;
    }

    public int port() {
        return server.port();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.port() + INBOUND_PATH);
    }

    /** Writes {@code agencies/<CODE>/agency.json} under {@code configDirectory}: push mode to this simulator, receipts required. */
    public void configurePush(Path configDirectory) {
        Path file = configDirectory.resolve("agencies").resolve(code).resolve("agency.json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{\"agency\":\"" + code + "\",\"mode\":\"push\",\"endpoint\":\"" + endpoint()
                    + "\",\"receiptRequired\":true}", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** From now on answers the status query for {@code localProposalId} with {@code latest}, in the agency's format. */
    public void reportStatus(String localProposalId, CanonicalMessage latest) {
        OutboundTranslation answer = adapters.require(code).fromCanonical(latest);
        server.stubFor(get(urlPathEqualTo(STATUS_PATH)).withQueryParam("proposal", equalTo(localProposalId)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", answer.mediaType()).withBody(answer.body())));
    }

    /** The status queries the agency received, oldest first. */
    public List<LoggedRequest> statusQueries() {
        return server.findAll(getRequestedFor(urlPathEqualTo(STATUS_PATH)));
    }

    /** Every POST the agency received, failed or not, oldest first. */
    public List<LoggedRequest> received() {
        return server.findAll(postRequestedFor(urlPathEqualTo(INBOUND_PATH)));
    }

    /** The bodies of the messages it accepted (answered 2xx), as text, oldest first. */
    public List<String> accepted() {
        List<String> bodies = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            if (event.getResponse().getStatus() / 100 == 2 && "POST".equals(event.getRequest().getMethod().value())) {
                bodies.add(0, event.getRequest().getBodyAsString());
            }
        }
        return bodies;
    }

    /** The accepted messages of one kind about {@code reference}, read back with the agency's own adapter (so: in its format). */
    public List<CanonicalMessage> accepted(MessageKind kind, String reference) {
        AgencyAdapter adapter = adapters.require(code);
        return accepted().stream()
                .map(body -> adapter.toCanonical(body.getBytes(StandardCharsets.UTF_8)).message())
                .filter(message -> message.getKind() == kind && reference.equals(message.getJointReference()))
                .toList();
    }

    /** From now on answers every delivery with {@code status} until {@link #recover()}. */
    public synchronized void failWith(int status) {
        recover();
        failure = server.stubFor(post(urlPathEqualTo(INBOUND_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(status).withBody("{\"title\":\"" + code + " is down for maintenance\"}")));
    }

    public synchronized void recover() {
        if (failure != null) {
            server.removeStub(failure);
            failure = null;
        }
    }

    public synchronized boolean failing() {
        return failure != null;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Passes each answered delivery to {@link Arrivals}. */
    private static final class ArrivalListener implements ServeEventListener {
        private final String code;
        private final Arrivals arrivals;

        ArrivalListener(String code, Arrivals arrivals) {
            this.code = code;
            this.arrivals = arrivals;
        }

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            if ("POST".equals(event.getRequest().getMethod().value()) && event.getRequest().getUrl().startsWith(INBOUND_PATH)
                    && !event.getRequest().getUrl().startsWith(STATUS_PATH)) {
                arrivals.answered(code, event.getResponse().getStatus(), event.getRequest().getBody());
            }
        }

        @Override
        public String getName() {
            return "jointcall-arrivals";
        }
    }
}
