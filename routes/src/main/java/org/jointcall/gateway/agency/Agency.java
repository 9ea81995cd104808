package org.jointcall.gateway.agency;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jointcall.contracts.identifier.AgencyId;

/**
 * One partner agency as configured in {@code agencies/<CODE>/agency.json}. Push agencies must have
 * an absolute http(s) endpoint, pull agencies must not: a pull agency with an endpoint would leave
 * it unclear where its messages go. A push agency also answers reconciliation's status queries, at
 * its {@code statusEndpoint} or, when none is configured, at {@code <endpoint>/status}.
 */
public final class Agency {

    private final AgencyId code;
    private final DeliveryMode mode;
    private final URI endpoint;
    private final boolean receiptRequired;
    private final URI statusEndpoint;

    public Agency(AgencyId code, DeliveryMode mode, URI endpoint, boolean receiptRequired) {
        this(code, mode, endpoint, receiptRequired, null);
    }

    /** @param statusEndpoint where the agency answers status queries; null for the default {@code <endpoint>/status} */
    public Agency(AgencyId code, DeliveryMode mode, URI endpoint, boolean receiptRequired, URI statusEndpoint) {
        this.code = Objects.requireNonNull(code, "agency code");
        this.mode = Objects.requireNonNull(mode, "mode of agency " + code);
        if (mode == DeliveryMode.PUSH) {
            if (endpoint == null || !isHttpUri(endpoint)) {
                throw new IllegalArgumentException("agency " + code + " is in push mode, so \"endpoint\" must be an absolute"
                        + " http(s) URI such as https://partner.example/inbound, not " + endpoint);
            }
        } else if (endpoint != null) {
            throw new IllegalArgumentException("agency " + code + " is in pull mode and must not have an \"endpoint\" ("
                    + endpoint + "); use \"mode\": \"push\" to deliver there");
        }
        this.endpoint = endpoint;
        this.receiptRequired = receiptRequired;
        if (statusEndpoint != null && mode == DeliveryMode.PULL) {
            throw new IllegalArgumentException("agency " + code + " is in pull mode and must not have a \"statusEndpoint\" ("
                    + statusEndpoint + "): its acknowledgements are reconciled instead");
        }
        if (statusEndpoint != null && !isHttpUri(statusEndpoint)) {
            throw new IllegalArgumentException("agency " + code + ": \"statusEndpoint\" must be an absolute http(s) URI such as"
                    + " https://partner.example/inbound/status, not " + statusEndpoint);
        }
        this.statusEndpoint = statusEndpoint;
    }

    private static boolean isHttpUri(URI uri) {
        return uri.isAbsolute() && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    }

    public AgencyId code() {
        return code;
    }

    /** The code as the signature module's key registry names the agency ({@code nsf} for NSF). */
    public String keyOwner() {
        return code.code().toLowerCase(Locale.ROOT);
    }

    public DeliveryMode mode() {
        return mode;
    }

    /** Where push deliveries go; empty for pull agencies. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /**
     * Where reconciliation asks a push agency for the state of one of its proposals: the configured
     * {@code statusEndpoint}, else the push endpoint's path followed by {@code /status}. Empty for pull agencies.
     */
    public Optional<URI> statusEndpoint() {
        if (statusEndpoint != null || endpoint == null) {
            return Optional.ofNullable(statusEndpoint);
        }
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        return Optional.of(URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority()
                + (path.endsWith("/") ? path + "status" : path + "/status")));
    }

    /** Whether a push delivery counts only with the agency's signed receipt. */
    public boolean receiptRequired() {
        return receiptRequired;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Agency that && code.equals(that.code) && mode == that.mode
                && Objects.equals(endpoint, that.endpoint) && receiptRequired == that.receiptRequired
                && Objects.equals(statusEndpoint, that.statusEndpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, mode, endpoint, receiptRequired, statusEndpoint);
    }

    @Override
    public String toString() {
        return code + " (" + mode.name().toLowerCase(Locale.ROOT) + (endpoint == null ? "" : " to " + endpoint) + ")";
    }
}
