package org.jointcall.signature.message;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A response as seen by signer and verifier, optionally linked to the request it answers.
 *
 * <p>The link exists for components marked {@code ;req}: a receipt covers the request's
 * {@code Signature} field, binding the acknowledgement to exactly the message it acknowledges.
 */
public final class ResponseMessage implements HttpMessage {

    private final int status;
    private final HttpFields fields;
    private final byte[] body;
    private final RequestMessage request;

    private ResponseMessage(int status, HttpFields fields, byte[] body, RequestMessage request) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status " + status + " is not an HTTP status code (100-599)");
        }
        this.status = status;
        this.fields = Objects.requireNonNull(fields, "fields");
        this.body = Objects.requireNonNull(body, "body").clone();
        this.request = request;
    }

    /** A response not yet linked to its request. */
    public static ResponseMessage of(int status, HttpFields fields, byte[] body) {
        return new ResponseMessage(status, fields, body, null);
    }

    /** The same response linked to the request it answers. */
    public ResponseMessage answering(RequestMessage relatedRequest) {
        return new ResponseMessage(status, fields, body, Objects.requireNonNull(relatedRequest, "related request"));
    }

    public int status() {
        return status;
    }

    /** The request this response answers, when the caller linked it. */
    public Optional<RequestMessage> request() {
        return Optional.ofNullable(request);
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
    public ResponseMessage withFields(HttpFields newFields) {
        return new ResponseMessage(status, newFields, body, request);
    }

    /** The same response with another body (fields are not adjusted). */
    public ResponseMessage withBody(byte[] newBody) {
        return new ResponseMessage(status, fields, newBody, request);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ResponseMessage)) {
            return false;
        }
        ResponseMessage that = (ResponseMessage) other;
        return status == that.status && fields.equals(that.fields) && Arrays.equals(body, that.body)
                && Objects.equals(request, that.request);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, fields, Arrays.hashCode(body), request);
    }

    @Override
    public String toString() {
        return status + " " + fields + " (" + body.length + " body bytes)" + (request == null ? "" : " answering " + request.method() + " " + request.targetUri());
    }
}
