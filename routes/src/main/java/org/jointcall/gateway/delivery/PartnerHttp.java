package org.jointcall.gateway.delivery;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jointcall.signature.message.HttpFields;

/**
 * What every call from the gateway to a partner's system shares: the HTTP client settings, and
 * reading a partner's answer back into the fields its signature covers.
 */
public final class PartnerHttp {

    private PartnerHttp() {
    }

    /**
     * HTTP/1.1, so no h2c upgrade is attempted on a partner server that may not handle one, and no
     * redirects: a signature covers the authority and path it was made for.
     */
    public static HttpClient client(DeliverySettings settings) {
        return client(settings.connectTimeout());
    }

    /** The same client with {@code connectTimeout}, for code that has no delivery settings (bench/'s protocol relay). */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The answer's header lines (without HTTP/2 pseudo-headers), for signature verification. */
    public static HttpFields fields(HttpHeaders headers) {
        List<HttpFields.FieldLine> lines = new ArrayList<>();
        headers.map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(value -> lines.add(new HttpFields.FieldLine(name, value)));
            }
        });
        return HttpFields.of(lines);
    }

    /**
     * Whether an answer with {@code status} means the partner cannot serve now (5xx, or 429 Too Many Requests): asked
     * again later, and counted against its circuit, unlike a refusal of this one request.
     */
    public static boolean unavailable(int status) {
        return status >= 500 || status == 429;
    }

    /** The start of a partner's answer, for an error message. */
    public static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
