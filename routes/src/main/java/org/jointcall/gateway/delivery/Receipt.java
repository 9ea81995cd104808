package org.jointcall.gateway.delivery;

import java.util.Objects;

/**
 * A partner's answer to a delivery, kept as non-repudiation evidence: status, header lines as JSON,
 * body, and (when its signature was verified) the verdict as JSON.
 */
public record Receipt(int status, String headersJson, byte[] body, String verdictJson) {

    public Receipt {
        Objects.requireNonNull(headersJson, "headersJson");
        Objects.requireNonNull(body, "body");
    }
}
