package org.jointcall.gateway.signature;

import java.util.Objects;

/**
 * One refused inbound request, as the security log keeps it.
 *
 * @param agency the agency the request claimed to come from (the path), when known
 * @param remoteAddress the peer address the servlet saw
 * @param problemType the problem slug, e.g. {@code replay}
 * @param status the HTTP status answered
 * @param detail what was wrong
 * @param keyId the {@code keyid} the signature named, when it got that far
 * @param messageDigest sha-256 of the received body, when it was read
 */
public record SecurityEvent(String agency, String remoteAddress, String problemType, int status, String detail, String keyId,
        String messageDigest) {

    public SecurityEvent {
        Objects.requireNonNull(problemType, "problem type");
        Objects.requireNonNull(detail, "detail");
    }
}
