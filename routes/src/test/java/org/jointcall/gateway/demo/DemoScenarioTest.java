package org.jointcall.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.identifier.LocalProposalId;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.gateway.agency.AgencyAdapters;
import org.junit.jupiter.api.Test;

/** Every message the demo plays is one its sender's own adapter writes and reads back unchanged in what matters. */
class DemoScenarioTest {

    private static final AdapterRegistry ADAPTERS = new AgencyAdapters().registry();

    @Test
    void everyDemoMessageRoundTripsThroughItsSendersFormatWithItsIdsAndReference() {
        Set<String> messageIds = new HashSet<>();
        for (DemoScenario.DemoProposal proposal : List.of(
                new DemoScenario.DemoProposal(DemoCalls.MAIN, 1, "A title", "題名"),
                new DemoScenario.DemoProposal(DemoCalls.CLOSING, 1, "A title", "題名"))) {
            for (String agency : DemoAgencies.all()) {
                for (String kind : List.of("proposal", "review", "decision")) {
                    CanonicalMessage message = proposal.message(agency, kind, 1, m -> { });
                    OutboundTranslation written = ADAPTERS.require(agency).fromCanonical(message);
                    CanonicalMessage read = ADAPTERS.require(agency).toCanonical(written.body()).message();

                    assertThat(read.getMessageId()).isEqualTo(message.getMessageId());
                    assertThat(read.getJointReference()).isEqualTo(proposal.reference());
                    assertThat(read.getCallId()).isEqualTo(proposal.callId());
                    assertThat(messageIds.add(message.getMessageId())).as("unique id " + message.getMessageId()).isTrue();
                }
                assertThat(LocalProposalId.of(AgencyId.of(agency), proposal.localId(agency)).value()).isEqualTo(proposal.localId(agency));
            }
        }
    }

    @Test
    void theSameDemoMessageIsTheSameBytesEveryTimeSoAReplayGetsItsOriginalReceipt() {
        DemoScenario.DemoProposal proposal = new DemoScenario.DemoProposal(DemoCalls.MAIN, 2, "A title", "題名");
        for (String agency : DemoAgencies.all()) {
            byte[] first = ADAPTERS.require(agency).fromCanonical(proposal.message(agency, "decision", 3, m -> { })).body();
            byte[] again = ADAPTERS.require(agency).fromCanonical(proposal.message(agency, "decision", 3, m -> { })).body();
            assertThat(again).isEqualTo(first);
        }
    }
}
