package org.jointcall.gateway.exchange;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits and trust settings of the inbound API: {@code gateway.inbound.max-bytes} (default 1 MiB),
 * {@code gateway.http.trust-forwarded} (default false; set true only behind a proxy that
 * overwrites {@code Forwarded}/{@code X-Forwarded-*}) and {@code gateway.http.authorities}.
 *
 * <p>Why the authorities: a signature covers {@code @authority}, but the gateway can only compare it with the
 * {@code Host} the request came with. A request signed for one deployment (a test gateway that registered the same
 * partner keys) would then verify at another, whose nonce table has never seen it. Naming the host names partners
 * address this deployment by closes that: any other is refused before the signature is looked at.
 */
@ApplicationScoped
public class InboundSettings {

    public static final long DEFAULT_MAX_BYTES = 1L << 20;

    private long maxBytes;
    private boolean trustForwarded;
    private List<String> authorities;

    /** For the CDI proxy only. */
    protected InboundSettings() {
    }

    @Inject
    public InboundSettings(@ConfigProperty(name = "gateway.inbound.max-bytes", defaultValue = "1048576") long maxBytes,
            @ConfigProperty(name = "gateway.http.trust-forwarded", defaultValue = "false") boolean trustForwarded,
            @ConfigProperty(name = "gateway.http.authorities") Optional<String> authorities) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("gateway.inbound.max-bytes is " + maxBytes + ": it must be a positive number of bytes");
        }
        this.maxBytes = maxBytes;
        this.trustForwarded = trustForwarded;
        this.authorities = authorities.map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT)).toList()).orElse(List.of());
    }

    public long maxBytes() {
        return maxBytes;
    }

    public boolean trustForwarded() {
        return trustForwarded;
    }

    /** The authorities partners address this deployment by ({@code gateway.http.authorities}); empty: any. */
    public List<String> authorities() {
        return authorities;
    }

    /**
     * Whether {@code target} addresses this deployment: its host, or host and port, is one of the configured
     * authorities (a name without a port stands for the host on any port); always true when none are configured.
     */
    public boolean addresses(URI target) {
        if (authorities.isEmpty()) {
            return true;
        }
        String host = String.valueOf(target.getHost()).toLowerCase(Locale.ROOT);
        String hostAndPort = target.getPort() < 0 ? host : host + ":" + target.getPort();
        return authorities.contains(host) || authorities.contains(hostAndPort);
    }
}
