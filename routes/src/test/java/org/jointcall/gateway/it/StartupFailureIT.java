package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration the gateway cannot use ends the process with status 3 and says why in its log, whichever startup
 * step reads it: a Payara left running with a gateway that answers 500 looks healthy to a supervisor and is not.
 */
class StartupFailureIT {

    @TempDir
    Path temp;

    @Test
    void aBrokenAgencyFileKeyFileOrCallDefinitionEndsTheProcessWithStatus3AndSaysWhich() throws Exception {
        TestAgencies brokenAgency = TestAgencies.writeTo(temp.resolve("agency"));
        Path agencyFile = brokenAgency.configDirectory().resolve("agencies/NSF/agency.json");
        Files.writeString(agencyFile, "{\"agency\":\"NSF\",\"mode\":", StandardCharsets.UTF_8);
        TestAgencies brokenCall = TestAgencies.writeTo(temp.resolve("call"));
        Path callFile = brokenCall.configDirectory().resolve("calls/broken.xml");
        Files.createDirectories(callFile.getParent());
        Files.writeString(callFile, "<jointCall xmlns=\"urn:jointcall:canonical:v1\"><callId>X</callId></jointCall>", StandardCharsets.UTF_8);

        TestAgencies brokenKey = TestAgencies.writeTo(temp.resolve("key"));
        Files.writeString(brokenKey.configDirectory().resolve("agencies/DFG/keys/dfg.jwks"), "{\"keys\":[{\"kty\":\"EC\"}]}",
                StandardCharsets.UTF_8);

        try (GatewayProcess agency = brokenAgency.gateway("broken-agency", TestDatabase.fresh("broken_agency")).launch();
             GatewayProcess call = brokenCall.gateway("broken-call", TestDatabase.fresh("broken_call")).launch();
             GatewayProcess key = brokenKey.gateway("broken-key", TestDatabase.fresh("broken_key")).launch()) {
            for (GatewayProcess gateway : java.util.List.of(agency, call, key)) {
                assertThat(gateway.awaitExitWithin(GatewayProcess.STARTUP_TIMEOUT)).as(gateway.logTail()).isEqualTo(3);
            }
            assertThat(Files.readString(key.log())).contains("jointcall-gateway failed to start").contains("dfg.jwks");
            assertThat(Files.readString(agency.log())).contains("jointcall-gateway failed to start").contains("agency.json");
            assertThat(Files.readString(call.log())).contains("jointcall-gateway failed to start: joint calls")
                    .contains("broken.xml");
        }
    }
}
