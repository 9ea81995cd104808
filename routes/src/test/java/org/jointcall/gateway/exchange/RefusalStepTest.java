package org.jointcall.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.apache.camel.Exchange;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.jointcall.gateway.metrics.MessageMetrics;
import org.jointcall.gateway.persistence.Transactions;
import org.jointcall.gateway.signature.SecurityLog;
import org.jointcall.signature.verify.ProblemKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefusalStepTest {

    private TestDatabase.Database database;
    private final RefusalStep step = new RefusalStep();

    @BeforeEach
    void migrated() {
        database = TestDatabase.fresh("refusals");
        SchemaMigration.migrate(database.dataSource());
        step.securityLog = new SecurityLog(new Transactions(database.dataSource()), MessageMetrics.NONE);
    }

    @Test
    void aRefusalIsAnsweredAsAProblemAboutTheRequestPathAndLoggedAsASecurityEvent() throws SQLException {
        Exchange exchange = TranslationStepTest.posted("NSF", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        InboundMessage.of(exchange).claimedKeyId("nsf-2026");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new ProblemException(Problem.of(ProblemKind.REPLAY, "nonce n-1 was already used")));

        step.process(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
        assertThat(new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8))
                .contains("\"type\":\"https://jointcall.org/problems/replay\"").contains("\"instance\":\"/api/v1/exchange/nsf/messages\"");
        assertThat(database.column("SELECT agency || ' ' || remote_address || ' ' || problem_type || ' ' || status || ' ' || key_id"
                + " || ' ' || message_digest FROM security_event")).containsExactly("nsf 192.0.2.1 replay 401 nsf-2026 "
                + BodyStep.digest("{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aGatewayFaultIsA500ProblemAndNotASecurityEvent() throws SQLException {
        Exchange exchange = TranslationStepTest.posted("NSF", "application/json", new byte[0]);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("pool exhausted"));

        step.process(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        assertThat(new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8))
                .contains("internal-error").contains("may be sent again").doesNotContain("pool exhausted");
        assertThat(database.column("SELECT count(*) FROM security_event")).containsExactly("0");
    }
}
