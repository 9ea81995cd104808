package org.jointcall.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.jointcall.gateway.persistence.Transactions;

/**
 * Route {@code delivery-worker}: every {@code gateway.delivery.poll-period} milliseconds (default 250)
 * a batch of due outbox messages is delivered. Route {@code outbox-resend} serves
 * {@code POST /api/v1/admin/outbox/{id}/resend}, which puts a message (typically a DEAD one) back in
 * the queue under its original message id. Until the console's authentication covers it, the resend
 * requires header {@code X-Admin-Token} equal to {@code gateway.admin.token}; with no token configured
 * the endpoint refuses every call.
 */
@Dependent
public class DeliveryRoutes extends RouteBuilder {

    static final String ADMIN_TOKEN_HEADER = "X-Admin-Token";

    @Inject
    DeliveryWorker worker;

    @Inject
    OutboxQueue queue;

    @Inject
    Transactions transactions;

    @Inject
    DeliverySettings settings;

    @Override
    public void configure() {
        from("timer:delivery-worker?delay={{gateway.delivery.initial-delay:1000}}&period={{gateway.delivery.poll-period:250}}")
                .routeId("delivery-worker")
                .bean(worker, "poll");

        rest("/v1/admin/outbox").post("/{id}/resend").id("outbox-resend-rest").produces("application/problem+json").to("direct:outbox-resend");

        from("direct:outbox-resend").routeId("outbox-resend")
                .process(this::resend)
                .removeHeaders("*", Exchange.HTTP_RESPONSE_CODE, Exchange.CONTENT_TYPE);
    }

    private void resend(Exchange exchange) throws Exception {
        if (!authorised(exchange.getMessage().getHeader(ADMIN_TOKEN_HEADER, String.class))) {
            answer(exchange, 401, "Admin token required", "header " + ADMIN_TOKEN_HEADER + " must carry the token configured as"
                    + " gateway.admin.token" + (settings.adminToken().isEmpty() ? " (none is configured, so resend is disabled)" : ""));
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        long outboxId;
        try {
            outboxId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            answer(exchange, 400, "Bad outbox id", "outbox id '" + id + "' is not a number");
            return;
        }
        boolean found = transactions.inTransaction(connection -> queue.resend(connection, outboxId));
        if (!found) {
            answer(exchange, 404, "No such outbox message", "there is no outbox message " + outboxId);
            return;
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody("{\"outboxId\":" + outboxId + ",\"state\":\"PENDING\"}");
    }

    private boolean authorised(String presented) {
        Optional<String> expected = settings.adminToken();
        return presented != null && expected.isPresent()
                && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(Exchange exchange, int status, String title, String detail) throws Exception {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        exchange.getMessage().setBody(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("title", title).put("status", status).put("detail", detail).toString());
    }
}
