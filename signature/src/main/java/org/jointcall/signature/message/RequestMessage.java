package org.jointcall.signature.message;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as seen by signer and verifier.
 *
 * <p>The target URI is the one the client addressed (RFC 9110 §7.1): behind a TLS-terminating proxy
 * the caller must rebuild it from the forwarded scheme and host, otherwise {@code @authority} and
 * {@code @scheme} would describe the internal hop and no partner signature would verify.
 */
public final class RequestMessage implements HttpMessage {

    private final String method;
    private final URI targetUri;
    private final HttpFields fields;
    private final byte[] body;

    private RequestMessage(String method, URI targetUri, HttpFields fields, byte[] body) {
        this.method = requireMethod(method);
        this.targetUri = requireTargetUri(targetUri);
        this.fields = Objects.requireNonNull(fields, "fields");
        this.body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * A request. {@code targetUri} must be absolute ({@code https://host[:port]/path[?query]}) and
     * without user info; the method is kept as given (RFC 9421 does not normalise its case).
     */
    public static RequestMessage of(String method, URI targetUri, HttpFields fields, byte[] body) {
        return new RequestMessage(method, targetUri, fields, body);
    }

    /** A request without a body. */
    public static RequestMessage of(String method, URI targetUri, HttpFields fields) {
        return new RequestMessage(method, targetUri, fields, new byte[0]);
    }

    public String method() {
        return method;
    }

    public URI targetUri() {
        return targetUri;
    }

    /** The scheme in lower case. */
    public String scheme() {
        return targetUri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** Host in lower case, with the port only when it is not the scheme's default (RFC 9110 §4.2.3). */
    public String authority() {
        String host = targetUri.getHost().toLowerCase(Locale.ROOT);
        int port = targetUri.getPort();
        boolean defaultPort = port == -1
                || ("https".equals(scheme()) && port == 443)
                || ("http".equals(scheme()) && port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** The absolute path as sent (still percent-encoded), {@code /} when the URI has none. */
    public String path() {
        String path = targetUri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** The query as sent, without the leading {@code ?}; empty when the URI has no query. */
    public Optional<String> query() {
        return Optional.ofNullable(targetUri.getRawQuery());
    }

    /** The origin-form request target: path and, if present, {@code ?query}. */
    public String requestTarget() {
        return query().map(q -> path() + "?" + q).orElse(path());
    }

    @Override
    public HttpFields fields() {
        return fields;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public RequestMessage withFields(HttpFields newFields) {
        return new RequestMessage(method, targetUri, newFields, body);
    }

    /** The same request with another body (fields are not adjusted). */
    public RequestMessage withBody(byte[] newBody) {
        return new RequestMessage(method, targetUri, fields, newBody);
    }

    private static String requireMethod(String method) {
        Objects.requireNonNull(method, "method");
        if (method.isEmpty() || !method.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("method '" + method + "' is not an RFC 9110 token such as POST");
        }
        return method;
    }

    private static URI requireTargetUri(URI uri) {
        Objects.requireNonNull(uri, "target URI");
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw new IllegalArgumentException("target URI " + uri
                    + " must be absolute with a host, such as https://gateway.example/api/v1/exchange/nsf/messages");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("target URI " + uri + " carries user info; HTTP target URIs must not (RFC 9110 §4.2.4)");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("target URI " + uri + " carries a fragment; fragments are never sent in a request");
        }
        return uri;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RequestMessage)) {
            return false;
        }
        RequestMessage that = (RequestMessage) other;
        return method.equals(that.method) && targetUri.equals(that.targetUri) && fields.equals(that.fields)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, targetUri, fields, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return method + " " + targetUri + " " + fields + " (" + body.length + " body bytes)";
    }
}
