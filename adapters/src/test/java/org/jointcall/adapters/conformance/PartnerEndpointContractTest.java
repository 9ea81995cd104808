package org.jointcall.adapters.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every agency, a WireMock stub standing in for the agency's endpoint accepts (202) only bodies valid
 * against the agency's native schema. The adapters' output for every message kind is accepted; the same
 * output with one unexpected field is refused, which shows the stub really checks.
 */
class PartnerEndpointContractTest {

    private static final Map<String, String> SCHEMAS = Map.of(
            "JST", "/org/jointcall/adapters/jst/jst-jointcall.xsd",
            "NSF", "/org/jointcall/adapters/nsf/nsf-jointcall.schema.json",
            "UKRI", "/org/jointcall/adapters/ukri/ukri-jointcall.schema.json",
            "DFG", "/org/jointcall/adapters/dfg/dfg-jointcall.xsd",
            "NWO", "/org/jointcall/adapters/nwo/nwo-jointcall.schema.json",
            "NSERC", "/org/jointcall/adapters/mapped/nserc/nserc-jointcall.schema.json",
            "RCF", "/org/jointcall/adapters/mapped/rcf/rcf-jointcall.schema.json");

    private static WireMockServer partners;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startPartnerStubs() {
        partners = new WireMockServer(wireMockConfig().dynamicPort().extensions(new NativeSchemaMatcher()));
        partners.start();
        SCHEMAS.forEach((agency, schema) -> partners.stubFor(post(urlEqualTo(inbox(agency)))
                .andMatching(NativeSchemaMatcher.NAME, Parameters.one("schema", schema))
                .willReturn(aResponse().withStatus(202))));
    }

    @AfterAll
    static void stopPartnerStubs() {
        partners.stop();
    }

    static Stream<Sample> samples() {
        return Samples.all();
    }

    private static String inbox(String agency) {
        return "/" + agency.toLowerCase() + "/jointcall/inbox";
    }

    private static int postTo(AgencyAdapter adapter, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(partners.baseUrl() + inbox(adapter.agency())))
                .header("Content-Type", adapter.mediaTypes().get(0))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static OutboundTranslation written(Sample sample) {
        return sample.adapter().fromCanonical(sample.adapter().toCanonical(sample.bytes()).message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void partnerEndpointAcceptsWhatTheAdapterWrites(Sample sample) throws Exception {
        assertThat(SCHEMAS).containsKey(sample.adapter().agency());

        assertThat(postTo(sample.adapter(), written(sample).body())).isEqualTo(202);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void partnerEndpointRefusesADocumentOutsideItsSchema(Sample sample) throws Exception {
        byte[] body = written(sample).body();
        byte[] broken;
        if (sample.isXml()) {
            String xml = new String(body, StandardCharsets.UTF_8);
            int end = xml.lastIndexOf("</");
            broken = (xml.substring(0, end) + "<Unexpected>x</Unexpected>" + xml.substring(end)).getBytes(StandardCharsets.UTF_8);
        } else {
            ObjectMapper json = new ObjectMapper();
            ObjectNode tree = (ObjectNode) json.readTree(body);
            tree.put("unexpected", true);
            broken = json.writeValueAsBytes(tree);
        }

        assertThat(postTo(sample.adapter(), broken)).isEqualTo(404);
    }
}
