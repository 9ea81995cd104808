package org.jointcall.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.jointcall.gateway.ledger.Receipt;
import org.jointcall.gateway.signature.GatewaySigner;
import org.jointcall.signature.Signed;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;

/**
 * The 202 receipt: a JSON acknowledgement (ledger id, agency, message id, body digest, time of
 * receipt, and the path of its status monitor, {@link MessageStatusRoutes}) signed by the gateway over {@code @status}, {@code content-digest} and the partner's own
 * request signature — proof for the partner that exactly its signed message was taken.
 */
@ApplicationScoped
public class ReceiptIssuer {

    static final int ACCEPTED = 202;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewaySigner signer;

    /** For the CDI proxy only. */
    protected ReceiptIssuer() {
    }

    @Inject
    public ReceiptIssuer(GatewaySigner signer) {
        this.signer = signer;
    }

    public Receipt issue(long ledgerId, String agency, String messageId, String bodyDigest, Instant receivedAt, RequestMessage request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "accepted");
        body.put("ledgerId", ledgerId);
        body.put("agency", agency);
        body.put("messageId", messageId);
        body.put("bodyDigest", bodyDigest);
        body.put("receivedAt", receivedAt.toString());
        body.put("monitor", MessageStatusRoutes.monitor(agency, messageId));
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the receipt of " + agency + "/" + messageId, e);
        }
        return sign(ACCEPTED, bytes, request);
    }

    /**
     * The answer to a repeat of an accepted message: the receipt it got then, signed again for the request that repeats
     * it. The original's signature covers the first request's, so a partner retrying after a lost 202 could not check it
     * against the request it has; the body (ledger id, digest, time of receipt) is the original's, byte for byte.
     */
    public Receipt again(Receipt original, RequestMessage repeat) {
        return sign(original.status(), original.body(), repeat);
    }

    /**
     * Answers the verified request of {@code exchange} (one that passed {@link SignatureStep}) with a JSON
     * body signed like the 202 receipt, so a partner can prove what the gateway told it.
     */
    public void answer(Exchange exchange, int status, byte[] json) {
        AcceptanceStep.respond(exchange.getMessage(), sign(status, json, InboundMessage.of(exchange).request()));
    }

    private Receipt sign(int status, byte[] json, RequestMessage request) {
        HttpFields contentType = HttpFields.of("Content-Type", "application/json");
        Signed<ResponseMessage> signed = signer.signReceipt(ResponseMessage.of(status, contentType, json).answering(request));
        return new Receipt(status, contentType.withAll(signed.addedFields()), json);
    }
}
