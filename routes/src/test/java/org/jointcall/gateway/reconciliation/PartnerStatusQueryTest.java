package org.jointcall.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.TrackState;
import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.agency.AgencyAdapters;
import org.jointcall.gateway.agency.AgencyDirectory;
import org.jointcall.gateway.agency.ConfigDirectory;
import org.jointcall.gateway.agency.DeliveryMode;
import org.jointcall.gateway.agency.PartnerKeys;
import org.jointcall.gateway.decision.LedgerFixture;
import org.jointcall.gateway.delivery.DeliverySettings;
import org.jointcall.gateway.demo.PartnerSimulator;
import org.jointcall.gateway.it.PartnerSimulators;
import org.jointcall.gateway.it.TestAgencies;
import org.jointcall.gateway.signature.GatewaySigner;
import org.jointcall.gateway.signature.ReceiptVerifier;
import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.verify.InMemoryNonceStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed status query against WireMock partners that sign their answers with their own keys. */
class PartnerStatusQueryTest {

    private static final String REFERENCE = "QUAD-S-1";

    @TempDir
    static Path root;
    private static PartnerSimulators partners;
    private static AgencyDirectory directory;
    private static PartnerStatusQuery query;

    @BeforeAll
    static void partnersAndTheirConfiguration() {
        TestAgencies agencies = TestAgencies.writeTo(root);
        partners = PartnerSimulators.start(agencies, List.of("NSF", "DFG"));
        partners.configurePush(agencies.configDirectory());
        ConfigDirectory config = new ConfigDirectory(agencies.configDirectory());
        directory = new AgencyDirectory(config);
        ReceiptVerifier answers = new ReceiptVerifier(PartnerKeys.open(config, directory, Duration.ofSeconds(10), Clock.systemUTC()),
                new InMemoryNonceStore(Clock.systemUTC()), Clock.systemUTC());
        GatewaySigner signer = new GatewaySigner(new MessageSigner(agencies.gatewayKey(), Clock.systemUTC()), TestAgencies.GATEWAY_KEY_ID);
        query = new PartnerStatusQuery(new AgencyAdapters().registry(), signer, answers,
                new DeliverySettings(8, 50, 400, 1000, 3000, 50, 4, 2, 300));
    }

    @AfterAll
    static void stopPartners() {
        partners.close();
    }

    private static OpenTrack track(String agency, String localId) {
        return new OpenTrack(UUID.randomUUID(), LedgerFixture.CALL, REFERENCE, agency, TrackState.SUBMITTED, 1, Optional.of(localId));
    }

    @Test
    void theAgencysSignedDocumentIsReadWithItsAdapterAsItsLatestReport() {
        partners.partner("NSF").reportStatus("2400001", LedgerFixture.sample("NSF", "decision", REFERENCE, 9, m -> {
            m.getFundingDecision().setOutcome(FundingOutcome.DECLINED);
            m.getFundingDecision().setLocalProposalId("2400001");
        }));

        PartnerStatus status = query.ask(directory.find("NSF").orElseThrow(), track("NSF", "2400001"));

        assertThat(status).isInstanceOfSatisfying(PartnerStatus.Reported.class, reported -> {
            assertThat(reported.report().state()).isEqualTo(TrackState.DECLINED);
            assertThat(reported.report().sequence()).isEqualTo(9);
        });
        assertThat(partners.partner("NSF").statusQueries()).last().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo(PartnerSimulator.STATUS_PATH + "?proposal=2400001");
            assertThat(request.getHeader("Signature-Input")).contains("keyid=\"" + TestAgencies.GATEWAY_KEY_ID + "\"").contains("\"@query\"");
        });
    }

    @Test
    void aSigned404MeansTheAgencyDoesNotKnowTheProposal() {
        assertThat(query.ask(directory.find("NSF").orElseThrow(), track("NSF", "2400404"))).isInstanceOf(PartnerStatus.NotKnown.class);
    }

    @Test
    void anAnswerAboutAnotherProposalIsNotUsed() {
        partners.partner("DFG").reportStatus("460000001", LedgerFixture.sample("DFG", "proposal", REFERENCE, 1,
                m -> m.getProposalPart().setLocalProposalId("460000002")));

        assertThat(query.ask(directory.find("DFG").orElseThrow(), track("DFG", "460000001")))
                .isEqualTo(new PartnerStatus.Unanswered("DFG answered the status query for 460000001 (joint reference " + REFERENCE
                        + ") about 460000002 (joint reference " + REFERENCE + ")", false));
    }

    @Test
    void anAnswerSignedWithAnotherAgencysKeyIsNotUsed() {
        URI nsfStatus = directory.find("NSF").orElseThrow().statusEndpoint().orElseThrow();
        Agency dfgAtNsf = new Agency(AgencyId.DFG, DeliveryMode.PUSH, URI.create("http://localhost/unused"), true, nsfStatus);

        assertThat(query.ask(dfgAtNsf, track("DFG", "460000404"))).isInstanceOfSatisfying(PartnerStatus.Unanswered.class, unanswered -> {
            assertThat(unanswered.partnerDown()).isFalse();
            assertThat(unanswered.reason()).startsWith("DFG answered the status query 404 but its signature does not verify");
        });
    }

    @Test
    void anAgencyThatDoesNotAnswerIsDown() {
        Agency gone = new Agency(AgencyId.NSF, DeliveryMode.PUSH, URI.create("http://localhost:9/jointcall/inbound"), true);

        assertThat(query.ask(gone, track("NSF", "2400001"))).isInstanceOfSatisfying(PartnerStatus.Unanswered.class, unanswered -> {
            assertThat(unanswered.partnerDown()).isTrue();
            assertThat(unanswered.reason()).startsWith("GET http://localhost:9/jointcall/inbound/status?proposal=2400001 failed");
        });
    }
}
