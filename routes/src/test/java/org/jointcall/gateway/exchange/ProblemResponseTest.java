package org.jointcall.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.jointcall.signature.verify.ProblemKind;
import org.junit.jupiter.api.Test;

class ProblemResponseTest {

    @Test
    void aProblemIsWrittenAsRfc9457JsonReplacingEveryRequestHeader() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("Signature", "jointcall=:abc:");
        Problem problem = Problem.of(ProblemType.MESSAGE_INVALID, "ORCID checksum digit should be 7")
                .with("field", "/proposal/seniorPersonnel/0/orcidId").at("/api/v1/exchange/nsf/messages");

        ProblemResponse.write(exchange, problem);

        assertThat(exchange.getMessage().getHeaders()).containsOnlyKeys(Exchange.HTTP_RESPONSE_CODE, Exchange.CONTENT_TYPE);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(422);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"https://jointcall.org/problems/message-invalid\",\"title\":\"" + ProblemType.MESSAGE_INVALID.title() + "\","
                        + "\"status\":422,\"detail\":\"ORCID checksum digit should be 7\",\"instance\":\"/api/v1/exchange/nsf/messages\","
                        + "\"field\":\"/proposal/seniorPersonnel/0/orcidId\"}");
    }

    @Test
    void signatureProblemsKeepTheSignatureModulesSlugAndStatus() {
        Problem replay = Problem.of(ProblemKind.REPLAY, "nonce n-1 of key nsf-1 was already used");

        assertThat(replay.type()).hasToString("https://jointcall.org/problems/replay");
        assertThat(replay.status()).isEqualTo(401);
        assertThat(new String(ProblemResponse.json(replay), StandardCharsets.UTF_8)).doesNotContain("instance");
    }
}
