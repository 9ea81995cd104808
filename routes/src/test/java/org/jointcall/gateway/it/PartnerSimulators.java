package org.jointcall.gateway.it;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.gateway.agency.AgencyAdapters;
import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.Signed;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;

/**
 * The partner agencies' systems for delivery tests: one WireMock server per agency on a free port,
 * accepting {@code POST /jointcall/inbound} with {@code 202} and a receipt the agency signs with its
 * own test key (from {@link TestAgencies}) over the gateway's request signature, as the signed API
 * profile requires. Every request is recorded; a partner can be made to fail ({@link Partner#failWith})
 * and to recover. Reconciliation's status query {@code GET /jointcall/inbound/status?proposal=<id>} is
 * answered with what {@link Partner#reportStatus} set for that id, else a 404, both signed.
 */
public final class PartnerSimulators implements AutoCloseable {

    public static final String INBOUND_PATH = "/jointcall/inbound";
    /** Where the gateway asks for a proposal's state by default: the inbound endpoint followed by {@code /status}. */
    public static final String STATUS_PATH = INBOUND_PATH + "/status";
    private static final AdapterRegistry ADAPTERS = new AgencyAdapters().registry();

    private final Map<String, Partner> partners = new LinkedHashMap<>();

    private PartnerSimulators() {
    }

    /** Starts one simulator for each of {@code codes}, signing receipts with that agency's key in {@code agencies}. */
    public static PartnerSimulators start(TestAgencies agencies, List<String> codes) {
        PartnerSimulators simulators = new PartnerSimulators();
        for (String code : codes) {
            simulators.partners.put(code, new Partner(code, agencies.key(code)));
        }
        return simulators;
    }

    /** Rewrites {@code agencies/<CODE>/agency.json} of every simulated agency: push mode to its simulator, receipts required. */
    public void configurePush(Path configDirectory) {
        partners.forEach((code, partner) -> {
            Path file = configDirectory.resolve("agencies").resolve(code).resolve("agency.json");
            try {
                Files.writeString(file, "{\"agency\":\"" + code + "\",\"mode\":\"push\",\"endpoint\":\"" + partner.endpoint()
                        + "\",\"receiptRequired\":true}", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        });
    }

    public Partner partner(String code) {
        Partner partner = partners.get(code);
        if (partner == null) {
            throw new IllegalArgumentException("no simulator for " + code + "; simulated: " + partners.keySet());
        }
        return partner;
    }

    @Override
    public void close() {
        partners.values().forEach(partner -> partner.server.stop());
    }

    /** One agency's simulated system. */
    public static final class Partner {
        private final String code;
        private final WireMockServer server;
        private StubMapping failure;

        private Partner(String code, SigningIdentity key) {
            this.code = code;
            this.server = new WireMockServer(options().dynamicPort().extensions(new ReceiptSigner(key)));
            server.start();
            server.stubFor(post(urlPathEqualTo(INBOUND_PATH)).willReturn(aResponse().withStatus(202)
                    .withHeader("Content-Type", "application/json").withBody("{\"accepted\":true}")));
            server.stubFor(get(urlPathEqualTo(STATUS_PATH)).atPriority(10).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"title\":\"" + code + " knows no such proposal\",\"status\":404}")));
        }

        /** From now on answers the status query for {@code localProposalId} with {@code latest}, in the agency's format. */
        public void reportStatus(String localProposalId, CanonicalMessage latest) {
            OutboundTranslation answer = ADAPTERS.require(code).fromCanonical(latest);
            server.stubFor(get(urlPathEqualTo(STATUS_PATH)).withQueryParam("proposal", equalTo(localProposalId)).atPriority(1)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", answer.mediaType()).withBody(answer.body())));
        }

        /** The status queries the agency received, oldest first. */
        public List<LoggedRequest> statusQueries() {
            return server.findAll(getRequestedFor(urlPathEqualTo(STATUS_PATH)));
        }

        public URI endpoint() {
            return URI.create("http://localhost:" + server.port() + INBOUND_PATH);
        }

        /** Every POST the agency received, failed or not, oldest first. */
        public List<LoggedRequest> received() {
            return server.findAll(postRequestedFor(urlPathEqualTo(INBOUND_PATH)));
        }

        /** The bodies of the requests it accepted (answered 2xx), as text, oldest first. */
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
            AgencyAdapter adapter = ADAPTERS.require(code);
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
    }

    /**
     * Signs every 2xx answer, and every status answer short of a 5xx, as the agency's receipt: {@code @status},
     * {@code content-digest} and the gateway's request signature.
     */
    private static final class ReceiptSigner implements ResponseTransformerV2 {
        private final MessageSigner signer;

        ReceiptSigner(SigningIdentity key) {
            this.signer = new MessageSigner(key, Clock.systemUTC());
        }

        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            boolean statusAnswer = request.getUrl().startsWith(STATUS_PATH) && response.getStatus() < 500;
            if (response.getStatus() / 100 != 2 && !statusAnswer) {
                return response;
            }
            List<HttpFields.FieldLine> lines = new ArrayList<>();
            for (HttpHeader header : request.getHeaders().all()) {
                header.values().forEach(value -> lines.add(new HttpFields.FieldLine(header.key(), value)));
            }
            RequestMessage received = RequestMessage.of(request.getMethod().value(), URI.create(request.getAbsoluteUrl()),
                    HttpFields.of(lines), request.getBody());
            byte[] body = response.getBody();
            String contentType = response.getHeaders().getContentTypeHeader().isPresent()
                    ? response.getHeaders().getContentTypeHeader().firstValue() : "application/json";
            Signed<ResponseMessage> receipt = signer.signReceipt(
                    ResponseMessage.of(response.getStatus(), HttpFields.of("Content-Type", contentType), body).answering(received));
            List<HttpHeader> headers = new ArrayList<>();
            headers.add(new HttpHeader("Content-Type", contentType));
            receipt.addedFields().lines().forEach(line -> headers.add(new HttpHeader(line.name(), line.value())));
            return Response.Builder.like(response).but().headers(new HttpHeaders(headers)).body(body).build();
        }

        @Override
        public String getName() {
            return "jointcall-receipt-signer";
        }
    }
}
