package org.jointcall.gateway.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits and trust settings of the inbound API: {@code gateway.inbound.max-bytes} (default 1 MiB)
 * and {@code gateway.http.trust-forwarded} (default false; set true only behind a proxy that
 * overwrites {@code Forwarded}/{@code X-Forwarded-*}).
 */
@ApplicationScoped
public class InboundSettings {

    public static final long DEFAULT_MAX_BYTES = 1L << 20;

    private long maxBytes;
    private boolean trustForwarded;

    /** For the CDI proxy only. */
    protected InboundSettings() {
    }

    @Inject
    public InboundSettings(@ConfigProperty(name = "gateway.inbound.max-bytes", defaultValue = "1048576") long maxBytes,
            @ConfigProperty(name = "gateway.http.trust-forwarded", defaultValue = "false") boolean trustForwarded) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("gateway.inbound.max-bytes is " + maxBytes + ": it must be a positive number of bytes");
        }
        this.maxBytes = maxBytes;
        this.trustForwarded = trustForwarded;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public boolean trustForwarded() {
        return trustForwarded;
    }
}
