package org.jointcall.gateway.alert;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jointcall.signature.keys.ExpiringKey;
import org.jointcall.signature.keys.ExpiryReport;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.SigningIdentity;

/**
 * Turns the signature module's expiry report into alerts, so a partner key does not lapse unnoticed
 * and refuse every message of that agency. A key still valid raises {@value #EXPIRING} (warning); once
 * expired it raises {@value #EXPIRED} (critical) instead. Keys that left the report — rotated out,
 * or renewed — have their alerts resolved.
 */
public final class KeyExpiryCheck {

    public static final String EXPIRING = "KEY_EXPIRING";
    public static final String EXPIRED = "KEY_EXPIRED";

    private final AlertLog alerts;
    private final Duration window;

    public KeyExpiryCheck(AlertLog alerts, Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("key expiry warning window " + window + " must not be negative");
        }
        this.alerts = alerts;
        this.window = window;
    }

    /** Checks the partner keys of {@code registry} and the gateway's {@code identity} at {@code now}. */
    public ExpiryReport check(KeyRegistry registry, SigningIdentity identity, Instant now) throws SQLException {
        ExpiryReport report = ExpiryReport.of(registry, List.of(identity), now, window);
        List<Alert> expiring = new ArrayList<>();
        List<Alert> expired = new ArrayList<>();
        for (ExpiringKey key : report.entries()) {
            (key.expired() ? expired : expiring).add(alertFor(key));
        }
        alerts.keepOpen(EXPIRING, expiring, now);
        alerts.keepOpen(EXPIRED, expired, now);
        return report;
    }

    /** {@code NSF key nsf-2026}, or {@code gateway key jointcall-gateway} for the gateway's own. */
    static Alert alertFor(ExpiringKey key) {
        String owner = ExpiringKey.GATEWAY.equals(key.owner()) ? key.owner() : key.owner().toUpperCase(Locale.ROOT);
        return key.expired()
                ? new Alert(EXPIRED, owner + " key " + key.keyId(), Severity.CRITICAL, key.describe())
                : new Alert(EXPIRING, owner + " key " + key.keyId(), Severity.WARNING, key.describe());
    }
}
