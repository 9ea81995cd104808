package org.jointcall.gateway.exchange;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jointcall.gateway.signature.RequestTarget;
import org.jointcall.signature.digest.ContentDigest;
import org.jointcall.signature.digest.DigestAlgorithm;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;

/**
 * Second step: refuses a body over {@code gateway.inbound.max-bytes} (413; {@link BodyLimitFilter}
 * made sure no more was read) and captures the request exactly as received — target URI as the
 * partner addressed it, every header line in order, the body bytes and their sha-256 digest.
 */
@ApplicationScoped
public class BodyStep implements Processor {

    @Inject
    InboundSettings settings;

    @Override
    public void process(Exchange exchange) {
        InboundMessage message = InboundMessage.of(exchange);
        HttpServletRequest servlet = ServletRequests.of(exchange);
        byte[] body = exchange.getIn().getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        if (Boolean.TRUE.equals(servlet.getAttribute(BodyLimitFilter.EXCEEDED)) || body.length > settings.maxBytes()) {
            throw new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the body has "
                    + (servlet.getContentLengthLong() > 0 ? servlet.getContentLengthLong() + " bytes, more" : "more bytes")
                    + " than the " + settings.maxBytes() + " bytes the gateway accepts (gateway.inbound.max-bytes)"));
        }
        RequestMessage request = RequestMessage.of(servlet.getMethod(), target(servlet), fields(servlet), body);
        message.request(request, digest(body));
    }

    /**
     * The URI the signature covers; a Host or query no URI can hold is the client's fault (RFC 9112 3.2: 400), and a
     * host this deployment is not known by is misdirected (RFC 9110 15.5.20: 421).
     */
    private URI target(HttpServletRequest servlet) {
        URI target;
        try {
            target = RequestTarget.of(servlet, settings.trustForwarded());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(ProblemType.TARGET_INVALID, e.getMessage()));
        }
        if (!settings.addresses(target)) {
            throw new ProblemException(Problem.of(ProblemType.AUTHORITY_MISDIRECTED, "this gateway is addressed as "
                    + settings.authorities() + " (gateway.http.authorities), not as " + target.getRawAuthority()));
        }
        return target;
    }

    /** The sha-256 digest of {@code body} in Content-Digest value form ({@code sha-256=:…:}). */
    static String digest(byte[] body) {
        return ContentDigest.of(body, DigestAlgorithm.SHA_256).serialize();
    }

    private static HttpFields fields(HttpServletRequest servlet) {
        List<HttpFields.FieldLine> lines = new ArrayList<>();
        for (String name : Collections.list(servlet.getHeaderNames())) {
            for (String value : Collections.list(servlet.getHeaders(name))) {
                lines.add(new HttpFields.FieldLine(name, value));
            }
        }
        return HttpFields.of(lines);
    }
}
