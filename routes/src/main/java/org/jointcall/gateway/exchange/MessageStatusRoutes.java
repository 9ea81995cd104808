package org.jointcall.gateway.exchange;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.jointcall.gateway.ledger.ExchangeLedger;
import org.jointcall.gateway.ledger.Processing;
import org.jointcall.gateway.persistence.Transactions;

/**
 * {@code GET /api/v1/exchange/{agency}/messages/{messageId}}: the status monitor the 202 receipt points to. A 202 says
 * the message is in the ledger, not what became of it, and some of that only shows when it is applied: a decision its
 * track cannot take is refused then, a review waits (is held) until the proposal part it refers to arrives. The
 * request is signed by the agency and checked like its messages (its nonce is spent); the 200 answer is signed by the
 * gateway like a receipt. An agency can ask only about its own messages.
 */
@Dependent
public class MessageStatusRoutes extends RouteBuilder {

    static final String ROUTE_ID = "exchange-message-status";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SignedRequestCheck signedRequest;

    @Inject
    ReceiptIssuer receipts;

    @Inject
    RefusalStep refusal;

    @Inject
    ExchangeLedger ledger;

    @Inject
    Transactions transactions;

    /** Where the sender of {@code messageId} asks what became of it (the receipt's {@code monitor}). */
    static String monitor(String agency, String messageId) {
        return "/api/v1/exchange/" + agency + "/messages/" + messageId;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true).process(refusal);

        rest("/v1/exchange").get("/{agency}/messages/{messageId}").id(ROUTE_ID + "-rest").produces("application/json")
                .to("direct:" + ROUTE_ID);

        from("direct:" + ROUTE_ID).routeId(ROUTE_ID)
                .process(signedRequest)
                .process(this::answer);
    }

    private void answer(Exchange exchange) throws Exception {
        String agency = InboundMessage.of(exchange).agency().code().code();
        String messageId = exchange.getIn().getHeader("messageId", String.class);
        Processing processing = transactions.inTransaction(connection -> ledger.processing(connection, agency, messageId))
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.MESSAGE_UNKNOWN, agency + " has sent no message "
                        + messageId + " that the gateway accepted; a refused message is not kept, and its problem response said why")));
        ObjectNode status = JSON.createObjectNode()
                .put("messageId", messageId)
                .put("agency", agency)
                .put("ledgerId", processing.ledgerId())
                .put("receivedAt", processing.receivedAt().toString())
                .put("state", processing.state());
        processing.detail().ifPresent(detail -> status.put("detail", detail));
        processing.processedAt().ifPresent(at -> status.put("processedAt", at.toString()));
        receipts.answer(exchange, 200, status.toString().getBytes(StandardCharsets.UTF_8));
    }
}
