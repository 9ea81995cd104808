package org.jointcall.gateway.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jointcall.signature.SignatureProfile;

/**
 * Writes a {@link Problem} as the HTTP answer of a Camel exchange: status, {@code application/problem+json},
 * and the JSON members in RFC 9457 order. The one place problem responses are produced, so every
 * refusal of the partner API looks the same.
 */
public final class ProblemResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponse() {
    }

    /** Replaces the exchange's response (headers included) with {@code problem}. */
    public static void write(Exchange exchange, Problem problem) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            // Every 401 of the partner API is about the signature: say what one must hold (RFC 9421 5.1).
            message.setHeader("Accept-Signature", SignatureProfile.acceptSignature());
        }
        message.setBody(json(problem));
    }

    /** The problem document. */
    public static byte[] json(Problem problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.type().toString());
        members.put("title", problem.title());
        members.put("status", problem.status());
        members.put("detail", problem.detail());
        if (problem.instance() != null) {
            members.put("instance", problem.instance());
        }
        problem.extensions().forEach(members::putIfAbsent);
        try {
            return JSON.writeValueAsBytes(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write problem " + problem.slug() + " as JSON", e);
        }
    }
}
