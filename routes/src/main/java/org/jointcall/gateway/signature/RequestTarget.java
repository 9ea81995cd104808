package org.jointcall.gateway.signature;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The target URI the partner addressed, which is what its signature's {@code @authority},
 * {@code @path} and {@code @query} cover. Behind a TLS-terminating proxy the servlet sees the
 * internal hop, so the scheme and host come from {@code Forwarded} (RFC 7239, first element) or
 * {@code X-Forwarded-Proto/Host/Port} — but only when {@code gateway.http.trust-forwarded=true}:
 * without a proxy that overwrites them, any client could set these headers.
 */
public final class RequestTarget {

    private RequestTarget() {
    }

    /** The target URI of a servlet request. */
    public static URI of(HttpServletRequest request, boolean trustForwarded) {
        return of(request.getScheme(), request.getHeader("Host"), request.getServerName(), request.getServerPort(),
                request.getRequestURI(), request.getQueryString(),
                trustForwarded ? Optional.ofNullable(request.getHeader("Forwarded")) : Optional.empty(),
                trustForwarded ? forwardedHeaders(request) : Arrays.asList(null, null, null));
    }

    private static List<String> forwardedHeaders(HttpServletRequest request) {
        return Arrays.asList(request.getHeader("X-Forwarded-Proto"), request.getHeader("X-Forwarded-Host"),
                request.getHeader("X-Forwarded-Port"));
    }

    /**
     * @param xForwarded {@code X-Forwarded-Proto}, {@code -Host}, {@code -Port} values (null when absent),
     *        consulted only when there is no {@code Forwarded} header
     */
    static URI of(String scheme, String hostHeader, String serverName, int serverPort, String rawPath, String rawQuery,
            Optional<String> forwarded, List<String> xForwarded) {
        String proto = scheme.toLowerCase(Locale.ROOT);
        String authority = hostHeader != null && !hostHeader.isBlank() ? hostHeader.trim() : serverName + ":" + serverPort;
        if (forwarded.isPresent()) {
            String first = forwarded.get().split(",", 2)[0];
            for (String pair : first.split(";")) {
                String[] nameValue = pair.trim().split("=", 2);
                if (nameValue.length == 2) {
                    String value = unquote(nameValue[1].trim());
                    if ("proto".equalsIgnoreCase(nameValue[0])) {
                        proto = value.toLowerCase(Locale.ROOT);
                    } else if ("host".equalsIgnoreCase(nameValue[0])) {
                        authority = value;
                    }
                }
            }
        } else {
            if (xForwarded.get(0) != null) {
                proto = firstValue(xForwarded.get(0)).toLowerCase(Locale.ROOT);
            }
            if (xForwarded.get(1) != null) {
                authority = firstValue(xForwarded.get(1));
            }
            if (xForwarded.get(2) != null) {
                authority = withoutPort(authority) + ":" + firstValue(xForwarded.get(2));
            }
        }
        try {
            return new URI(proto + "://" + authority + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the request target " + proto + "://" + authority + rawPath
                    + " is not a valid URI: " + e.getMessage(), e);
        }
    }

    private static String firstValue(String list) {
        return list.split(",", 2)[0].trim();
    }

    private static String withoutPort(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon > authority.lastIndexOf(']') ? authority.substring(0, colon) : authority;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
