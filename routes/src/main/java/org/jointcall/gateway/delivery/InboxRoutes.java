package org.jointcall.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.agency.AgencyDirectory;
import org.jointcall.gateway.agency.DeliveryMode;
import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemType;
import org.jointcall.gateway.exchange.ReceiptIssuer;
import org.jointcall.gateway.exchange.RefusalStep;
import org.jointcall.gateway.exchange.RequestEvidence;
import org.jointcall.gateway.exchange.SignedRequestCheck;
import org.jointcall.gateway.persistence.Transactions;

/**
 * The pull side of delivery, for agencies that cannot expose an endpoint. Route {@code exchange-inbox}
 * serves {@code GET /api/v1/exchange/{agency}/inbox?after=<cursor>}: the agency's unacknowledged
 * messages after the cursor (at most {@code gateway.delivery.inbox-page-size}, default 50), each in
 * the agency's own format, and the cursor to ask from next. Route {@code exchange-inbox-ack} serves
 * {@code POST /api/v1/exchange/{agency}/inbox/{messageId}/ack}. Both requests must be signed by the
 * agency exactly like its inbound messages and are checked by the same steps (agency, body, signature)
 * and refused with the same problem responses; each spends its nonce, so a captured request cannot be
 * replayed, and each 200 answer is signed by the gateway like the 202 receipt of an inbound message.
 */
@Dependent
public class InboxRoutes extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SignedRequestCheck signedRequest;

    @Inject
    ReceiptIssuer receipts;

    @Inject
    RefusalStep refusal;

    @Inject
    AgencyDirectory agencies;

    @Inject
    AdapterRegistry adapters;

    @Inject
    PullInbox inbox;

    @Inject
    Transactions transactions;

    @Inject
    @ConfigProperty(name = "gateway.delivery.inbox-page-size", defaultValue = "50")
    int pageSize;


    @Override
    public void configure() {
        if (pageSize < 1 || pageSize > 500) {
            // Checked at startup: a typo should stop the gateway, not answer every pull with a 500.
            throw new IllegalArgumentException("gateway.delivery.inbox-page-size is " + pageSize + ": it must be 1 to 500");
        }
        onException(Exception.class).handled(true).process(refusal);

        rest("/v1/exchange")
                .get("/{agency}/inbox").id("exchange-inbox-rest").produces("application/json").to("direct:exchange-inbox")
                .post("/{agency}/inbox/{messageId}/ack").id("exchange-inbox-ack-rest").produces("application/json")
                .to("direct:exchange-inbox-ack");

        from("direct:exchange-inbox").routeId("exchange-inbox")
                .process(signedRequest)
                .process(this::offer);

        from("direct:exchange-inbox-ack").routeId("exchange-inbox-ack")
                .process(signedRequest)
                .process(this::acknowledge);
    }

    private void offer(Exchange exchange) throws Exception {
        Agency agency = pullingAgency(exchange);
        long cursor = cursor(exchange.getIn().getHeader("after", "0", String.class));
        List<PullInbox.Offered> offered = transactions.inTransaction(connection -> {
            if (cursor > inbox.highestCursor(connection)) {
                // A client keeping such a cursor would skip every message numbered below it.
                throw new ProblemException(Problem.of(ProblemType.CURSOR_INVALID, "after=" + cursor + " is beyond every cursor this"
                        + " gateway gave out; ask from 0, or from the cursor of the last page"));
            }
            return inbox.after(connection, agency.code().code(), cursor, pageSize);
        });
        ObjectNode page = JSON.createObjectNode();
        ArrayNode messages = page.putArray("messages");
        long next = cursor;
        for (PullInbox.Offered message : offered) {
            OutboundTranslation translation = adapters.require(agency.code().code()).fromStoredCanonicalXml(message.canonicalXml());
            messages.addObject().put("id", message.messageId()).put("kind", message.kind()).put("mediaType", translation.mediaType())
                    .put("body", new String(translation.body(), StandardCharsets.UTF_8));
            next = message.cursor();
        }
        page.put("cursor", Long.toString(next));
        receipts.answer(exchange, 200, page.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void acknowledge(Exchange exchange) throws Exception {
        Agency agency = pullingAgency(exchange);
        String messageId = exchange.getIn().getHeader("messageId", String.class);
        RequestEvidence acknowledgement = RequestEvidence.of(exchange);
        boolean known = transactions.inTransaction(connection -> inbox.acknowledge(connection, agency.code().code(), messageId,
                acknowledgement));
        if (!known) {
            throw new ProblemException(Problem.of(ProblemType.INBOX_MESSAGE_UNKNOWN, "the inbox of " + agency.code()
                    + " holds no message " + messageId));
        }
        receipts.answer(exchange, 200, JSON.createObjectNode().put("id", messageId).put("state", "ACKNOWLEDGED").toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a pull agency asks from: 0 for the start, else one this gateway gave out (never negative). */
    private static long cursor(String after) {
        try {
            long cursor = Long.parseLong(after);
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException notANumber) {
            // Refused below, like a negative number.
        }
        throw new ProblemException(Problem.of(ProblemType.CURSOR_INVALID, "after='" + after
                + "' is not a cursor this gateway gave out: 0 for the start, else the cursor of the last page"));
    }

    /**
     * The path's agency, which the steps before have checked exists and signed the request; an agency configured for
     * push has no inbox to read or acknowledge.
     */
    private Agency pullingAgency(Exchange exchange) {
        String code = exchange.getIn().getHeader("agency", String.class);
        Agency agency = agencies.find(code)
                .orElseThrow(() -> new IllegalStateException("agency " + code + " passed the agency step but is unknown"));
        if (agency.mode() != DeliveryMode.PULL) {
            throw new ProblemException(Problem.of(ProblemType.INBOX_NOT_PULLED, agency.code() + " is configured for push delivery to "
                    + agency.endpoint().orElse(null) + "; it has no inbox to pull from"));
        }
        return agency;
    }

}
