package org.jointcall.gateway.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.algorithm.VerificationKey;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.RegisteredKey;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.keys.Validity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key expiry alerts written to a real (embedded) PostgreSQL migrated by Flyway. */
class KeyExpiryCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final byte[] SECRET = "a 32-byte test secret, not a key".getBytes(StandardCharsets.US_ASCII);
    private static final SigningIdentity GATEWAY_FOR_YEARS = gateway(NOW.plus(Duration.ofDays(1000)));

    private AlertLog alerts;
    private KeyExpiryCheck sixtyDays;

    @BeforeEach
    void migratedDatabase() {
        TestDatabase.Database database = TestDatabase.fresh("alerts");
        SchemaMigration.migrate(database.dataSource());
        alerts = new AlertLog(database.dataSource());
        sixtyDays = new KeyExpiryCheck(alerts, Duration.ofDays(60));
    }

    private static KeyRegistry partnerKey(String agency, String keyId, Instant notAfter) {
        return KeyRegistry.of(List.of(RegisteredKey.builder(agency, keyId, VerificationKey.hmac(SECRET))
                .validity(Validity.between(null, notAfter)).source(agency + "/" + keyId + ".pem").build()));
    }

    private static SigningIdentity gateway(Instant notAfter) {
        return SigningIdentity.of("jointcall-gateway", SigningKey.hmac(SECRET), Validity.between(null, notAfter), "gateway.p12#gateway");
    }

    @Test
    void aKeyExpiringInTenDaysRaisesExactlyOneWarningEvenWhenCheckedTwice() throws SQLException {
        KeyRegistry registry = partnerKey("nsf", "nsf-2026", NOW.plus(Duration.ofDays(10)));

        sixtyDays.check(registry, GATEWAY_FOR_YEARS, NOW);
        sixtyDays.check(registry, GATEWAY_FOR_YEARS, NOW.plus(Duration.ofHours(1)));

        assertThat(alerts.open()).containsExactly(new Alert(KeyExpiryCheck.EXPIRING, "NSF key nsf-2026", Severity.WARNING,
                "key nsf/nsf-2026 expires 2026-12-03T12:00:00Z (in 10 days, nsf/nsf-2026.pem)"));
    }

    @Test
    void keysValidForAYearRaiseNothing() throws SQLException {
        sixtyDays.check(partnerKey("ukri", "ukri-1", NOW.plus(Duration.ofDays(365))), gateway(NOW.plus(Duration.ofDays(365))), NOW);

        assertThat(alerts.open()).isEmpty();
    }

    @Test
    void theWarningWindowIsConfigurable() throws SQLException {
        KeyRegistry registry = partnerKey("dfg", "dfg-a", NOW.plus(Duration.ofDays(90)));

        sixtyDays.check(registry, GATEWAY_FOR_YEARS, NOW);
        assertThat(alerts.open()).isEmpty();

        new KeyExpiryCheck(alerts, Duration.ofDays(120)).check(registry, GATEWAY_FOR_YEARS, NOW);
        assertThat(alerts.open()).extracting(Alert::subject).containsExactly("DFG key dfg-a");
        assertThatThrownBy(() -> new KeyExpiryCheck(alerts, Duration.ofDays(-1))).hasMessageContaining("must not be negative");
    }

    @Test
    void anExpiredKeyReplacesItsWarningWithACriticalAlertAndTheGatewayKeyIsCheckedToo() throws SQLException {
        KeyRegistry registry = partnerKey("nsf", "nsf-2026", NOW.plus(Duration.ofDays(10)));
        SigningIdentity gatewaySoon = gateway(NOW.plus(Duration.ofDays(30)));
        sixtyDays.check(registry, gatewaySoon, NOW);

        sixtyDays.check(registry, gatewaySoon, NOW.plus(Duration.ofDays(11)));

        assertThat(alerts.open()).extracting(Alert::kind, Alert::subject, Alert::severity).containsExactlyInAnyOrder(
                tuple(KeyExpiryCheck.EXPIRING, "gateway key jointcall-gateway", Severity.WARNING),
                tuple(KeyExpiryCheck.EXPIRED, "NSF key nsf-2026", Severity.CRITICAL));
    }

    @Test
    void anAlertIsResolvedOnceItsKeyLeavesTheReportAndRaisedAfreshIfItReturns() throws SQLException {
        KeyRegistry withKey = partnerKey("nwo", "nwo-old", NOW.plus(Duration.ofDays(5)));
        KeyRegistry rotated = partnerKey("nwo", "nwo-new", NOW.plus(Duration.ofDays(400)));
        sixtyDays.check(withKey, GATEWAY_FOR_YEARS, NOW);

        sixtyDays.check(rotated, GATEWAY_FOR_YEARS, NOW.plusSeconds(60));
        assertThat(alerts.open()).isEmpty();

        sixtyDays.check(withKey, GATEWAY_FOR_YEARS, NOW.plusSeconds(120));
        assertThat(alerts.open()).extracting(Alert::subject).containsExactly("NWO key nwo-old");
    }
}
