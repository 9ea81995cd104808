package org.jointcall.gateway.ledger;

import java.util.Arrays;
import java.util.Objects;

import org.jointcall.signature.message.HttpFields;

/**
 * A receipt exactly as sent: status, header lines (Content-Type, Content-Digest, Signature-Input,
 * Signature) and body. Stored with the ledger row so that a repeated message gets these very bytes
 * again, signature included.
 */
public record Receipt(int status, HttpFields headers, byte[] body) {

    public Receipt {
        Objects.requireNonNull(headers, "headers");
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Receipt that && status == that.status && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "receipt " + status + " " + headers + " (" + body.length + " bytes)";
    }
}
