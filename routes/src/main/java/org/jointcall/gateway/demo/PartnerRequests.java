package org.jointcall.gateway.demo;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.digest.DigestAlgorithm;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;

/**
 * How a partner agency's system signs and sends a request to the gateway's partner API: the demo's
 * agencies do it, and so do the tests' ({@code PartnerClient}). The HTTP request carries exactly the
 * header lines that were signed.
 */
public final class PartnerRequests {

    /** Lines the JDK client sets itself (and refuses to take from the caller). */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private PartnerRequests() {
    }

    /** A signer as a partner would configure one: SHA-256 digests, the profile's request lifetime. */
    public static MessageSigner signer(SigningIdentity key, Clock clock) {
        return new MessageSigner(key, clock, SignatureProfile.REQUEST_LIFETIME, DigestAlgorithm.SHA_256);
    }

    /** An HTTP request for {@code request} with its header lines as they are and {@code body} as the body. */
    public static HttpRequest.Builder http(RequestMessage request, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.targetUri()).timeout(Duration.ofSeconds(30))
                .method(request.method(), body);
        for (HttpFields.FieldLine line : request.fields().lines()) {
            if (!SET_BY_CLIENT.contains(line.name().toLowerCase(Locale.ROOT))) {
                builder.header(line.name(), line.value());
            }
        }
        return builder;
    }
}
