package org.jointcall.signature.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jointcall.signature.algorithm.VerificationKey;
import org.jointcall.signature.fixtures.GeneratedKeys;
import org.junit.jupiter.api.Test;

class ExpiryReportTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static RegisteredKey key(String agency, String keyId, Instant notAfter) {
        VerificationKey key = GeneratedKeys.ed25519().verificationKey();
        return RegisteredKey.builder(agency, keyId, key).validity(Validity.between(null, notAfter)).source(agency + "/" + keyId + ".pem").build();
    }

    @Test
    void listsKeysExpiringWithinSixtyDaysSoonestFirstIncludingExpiredOnesAndTheGatewayKey() {
        KeyRegistry registry = KeyRegistry.of(List.of(
                key("nsf", "nsf-late", NOW.plus(Duration.ofDays(90))),
                key("ukri", "ukri-soon", NOW.plus(Duration.ofDays(12))),
                key("dfg", "dfg-gone", NOW.minus(Duration.ofDays(3))),
                RegisteredKey.builder("nwo", "nwo-open", GeneratedKeys.ed25519().verificationKey()).build()));
        SigningIdentity gateway = SigningIdentity.of("jc-2026", GeneratedKeys.ecdsaP256(),
                Validity.between(null, NOW.plus(Duration.ofDays(60))), "gateway.p12#gateway");

        ExpiryReport report = ExpiryReport.of(registry, List.of(gateway), NOW, ExpiryReport.DEFAULT_WINDOW);

        assertThat(report.entries()).extracting(ExpiringKey::keyId).containsExactly("dfg-gone", "ukri-soon", "jc-2026");
        assertThat(report.entries().get(0).expired()).isTrue();
        assertThat(report.entries().get(0).describe()).isEqualTo("key dfg/dfg-gone expired 2026-02-26T00:00:00Z (3 days ago, dfg/dfg-gone.pem)");
        assertThat(report.entries().get(1).remaining()).isEqualTo(Duration.ofDays(12));
        assertThat(report.entries().get(2).owner()).isEqualTo(ExpiringKey.GATEWAY);
    }

    @Test
    void aWiderWindowReachesFurther() {
        KeyRegistry registry = KeyRegistry.of(List.of(key("nsf", "nsf-late", NOW.plus(Duration.ofDays(90)))));

        assertThat(ExpiryReport.of(registry, List.of(), NOW, Duration.ofDays(60)).isEmpty()).isTrue();
        assertThat(ExpiryReport.of(registry, List.of(), NOW, Duration.ofDays(120)).entries()).hasSize(1);
        assertThatThrownBy(() -> ExpiryReport.of(registry, List.of(), NOW, Duration.ofDays(-1))).hasMessageContaining("must not be negative");
    }
}
