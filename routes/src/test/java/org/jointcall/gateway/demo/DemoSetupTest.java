package org.jointcall.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.signature.keys.PemKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the demo mode writes before the gateway reads its configuration: settings, agencies and keys, calls. */
class DemoSetupTest {

    @TempDir
    Path root;

    @Test
    void theDemoSettingsApplyOnlyWhenTheDemoIsOnAndPointTheGatewayAtTheDemoConfiguration() {
        DemoConfigSource on = new DemoConfigSource("true", root.toString());
        DemoConfigSource off = new DemoConfigSource(null, root.toString());

        assertThat(on.getValue("gateway.config.dir")).isEqualTo(root.resolve("config").toString());
        assertThat(on.getValue("gateway.deadline.sweep-period")).isEqualTo("5000");
        assertThat(on.getOrdinal()).as("above the WAR's defaults (100), below environment (300) and system properties (400)")
                .isBetween(101, 299);
        assertThat(off.getPropertyNames()).isEmpty();
        assertThat(off.getValue("gateway.config.dir")).isNull();
    }

    @Test
    void eachAgencyGetsItsOwnKeyOnceWithThePublicHalfRegisteredAndThePrivateHalfOwnerReadable() throws Exception {
        DemoAgencies first = DemoAgencies.prepare(root.resolve("keys"), root.resolve("config"));
        DemoAgencies again = DemoAgencies.prepare(root.resolve("keys"), root.resolve("config"));

        for (String code : DemoAgencies.all()) {
            String keyId = code.toLowerCase() + "-demo";
            Path registered = root.resolve("config/agencies/" + code + "/keys/" + keyId + ".pem");
            assertThat(first.key(code).keyId()).isEqualTo(keyId);
            assertThat(PemKeys.publicKey(Files.readString(registered), null).verify(
                    "base".getBytes(StandardCharsets.UTF_8), again.key(code).key().sign("base".getBytes(StandardCharsets.UTF_8))))
                    .as(code + ": the registered public key verifies what the kept private key signs, also after a restart").isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("keys/" + keyId + ".key"))))
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(root.resolve("config/agencies/JST/agency.json"))).contains("\"mode\":\"pull\"");
    }

    @Test
    void theCallsAreWrittenOnceWithDeadlinesCountedFromTheFirstStart() throws Exception {
        Instant firstStart = Instant.parse("2026-11-28T22:00:00Z");
        Path calls = root.resolve("config/calls");

        Instant closing = DemoCalls.writeOnce(calls, firstStart);
        Instant again = DemoCalls.writeOnce(calls, firstStart.plus(Duration.ofDays(1)));

        assertThat(closing).isEqualTo(firstStart.plus(DemoCalls.CLOSING_DECISION_AFTER)).isEqualTo(again);
        CanonicalCodec codec = new CanonicalCodec();
        JointCall main = codec.callFromXml(Files.readAllBytes(calls.resolve("aspire-2027-ai.xml")));
        assertThat(main.getCallId()).isEqualTo(DemoCalls.MAIN);
        assertThat(main.getParticipants()).hasSize(5);
        assertThat(main.getBudgetCaps()).hasSize(5);
        assertThat(main.getDeadlines().getDecision().toInstant()).isAfter(firstStart.plus(Duration.ofDays(100)));
        JointCall closingCall = codec.callFromXml(Files.readAllBytes(calls.resolve("aspire-2027-rising-de.xml")));
        assertThat(closingCall.getDeadlines().getParallelSubmissionCloses().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isBefore(closing.plusSeconds(1));
    }
}
