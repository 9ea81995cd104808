package org.jointcall.gateway.agency;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jointcall.contracts.identifier.AgencyId;

/**
 * One partner agency as configured in {@code agencies/<CODE>/agency.json}. Push agencies must have
 * an absolute http(s) endpoint, pull agencies must not: a pull agency with an endpoint would leave
 * it unclear where its messages go.
 */
public final class Agency {

    private final AgencyId code;
    private final DeliveryMode mode;
    private final URI endpoint;
    private final boolean receiptRequired;

    public Agency(AgencyId code, DeliveryMode mode, URI endpoint, boolean receiptRequired) {
        this.code = Objects.requireNonNull(code, "agency code");
        this.mode = Objects.requireNonNull(mode, "mode of agency " + code);
        if (mode == DeliveryMode.PUSH) {
            if (endpoint == null || !endpoint.isAbsolute() || endpoint.getHost() == null
                    || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
                throw new IllegalArgumentException("agency " + code + " is in push mode, so \"endpoint\" must be an absolute"
                        + " http(s) URI such as https://partner.example/inbound, not " + endpoint);
            }
        } else if (endpoint != null) {
            throw new IllegalArgumentException("agency " + code + " is in pull mode and must not have an \"endpoint\" ("
                    + endpoint + "); use \"mode\": \"push\" to deliver there");
        }
        this.endpoint = endpoint;
        this.receiptRequired = receiptRequired;
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

    /** Whether a push delivery counts only with the agency's signed receipt. */
    public boolean receiptRequired() {
        return receiptRequired;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Agency that && code.equals(that.code) && mode == that.mode
                && Objects.equals(endpoint, that.endpoint) && receiptRequired == that.receiptRequired;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, mode, endpoint, receiptRequired);
    }

    @Override
    public String toString() {
        return code + " (" + mode.name().toLowerCase(Locale.ROOT) + (endpoint == null ? "" : " to " + endpoint) + ")";
    }
}
