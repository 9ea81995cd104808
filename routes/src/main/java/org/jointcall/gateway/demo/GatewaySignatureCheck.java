package org.jointcall.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.time.Clock;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import org.jointcall.gateway.agency.GatewayIdentity;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.verify.InMemoryNonceStore;
import org.jointcall.signature.verify.SignatureRejectedException;

/**
 * What a partner's system does before it reads anything the gateway sends: verifies the request's
 * signature under the signing profile with the gateway's published key, digest and nonce included, and
 * refuses it otherwise with the status and problem document the gateway itself would answer (mostly
 * {@code 401}; {@code 400} for a body that does not match its digest) — so a delivery only counts as received
 * when its signature held, as it would at a real agency. When the gateway's key cannot be had yet, the
 * answer is {@code 503}: the partner's problem, which the gateway retries.
 *
 * <p>It replaces the answer of the stub the request matched rather than filtering the request: WireMock stamps a
 * request it journals after its request filters, so a filter's verification time would shift the arrival times
 * the tests measure (reconciliation's pace, for one).
 */
final class GatewaySignatureCheck implements ResponseDefinitionTransformerV2 {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<KeyRegistry> gatewayKeys;
    private final InMemoryNonceStore nonces;
    private final Clock clock;

    GatewaySignatureCheck(Supplier<KeyRegistry> gatewayKeys, Clock clock) {
        this.gatewayKeys = gatewayKeys;
        this.nonces = new InMemoryNonceStore(clock);
        this.clock = clock;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        KeyRegistry keys;
        try {
            keys = gatewayKeys.get();
        } catch (RuntimeException e) {
            return refuse(503, "The gateway's key is not known yet", e.getMessage());
        }
        try {
            SignatureProfile.requestVerifier(keys, nonces, clock)
                    .verify(SimulatedRequests.received(serveEvent.getRequest()), GatewayIdentity.OWNER);
            return serveEvent.getResponseDefinition();
        } catch (SignatureRejectedException e) {
            return refuse(e.kind().status(), e.kind().title(), e.detail());
        }
    }

    private static ResponseDefinition refuse(int status, String title, String detail) {
        ObjectNode problem = JSON.createObjectNode().put("title", title).put("status", status).put("detail", detail);
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(problem.toString()).build();
    }

    @Override
    public String getName() {
        return "jointcall-gateway-signature-check";
    }
}
