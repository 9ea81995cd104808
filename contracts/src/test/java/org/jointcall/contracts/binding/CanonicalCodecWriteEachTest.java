package org.jointcall.contracts.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.JointProposalRecord;
import org.jointcall.contracts.v1.JointStatus;
import org.junit.jupiter.api.Test;

/**
 * {@link CanonicalCodec#toXmlEach} checks a fan-out's shared record once, yet writes what {@link CanonicalCodec#toXml}
 * writes for each message and refuses every message {@code toXml} would refuse, whichever place it has in the list.
 */
class CanonicalCodecWriteEachTest {

    private static final CanonicalCodec CODEC = new CanonicalCodec();

    /** Four envelopes around one record object, as the decision step's fan-out builds them. */
    private static List<CanonicalMessage> fanOut() {
        JointProposalRecord record = CanonicalSamples.jointProposalRecord().getJointProposalRecord();
        List<CanonicalMessage> envelopes = new ArrayList<>();
        for (String recipient : List.of("JST", "NSF", "UKRI", "DFG")) {
            CanonicalMessage envelope = CanonicalSamples.jointProposalRecord();
            envelope.setMessageId("gw-7-JOINT_PROPOSAL_RECORD-" + recipient);
            envelope.setSentAt(CanonicalSamples.SENT_AT.plusNanos(envelopes.size() * 1_000L));
            envelope.setJointProposalRecord(record);
            envelopes.add(envelope);
        }
        return envelopes;
    }

    private static List<CanonicalMessage> fanOutWithLast(Consumer<CanonicalMessage> change) {
        List<CanonicalMessage> envelopes = fanOut();
        change.accept(envelopes.get(envelopes.size() - 1));
        return envelopes;
    }

    @Test
    void writesWhatToXmlWritesForEachMessage() {
        List<CanonicalMessage> envelopes = fanOut();
        envelopes.add(CanonicalSamples.rejectionNotice());
        envelopes.add(CanonicalSamples.jstProposalPart());

        List<byte[]> written = CODEC.toXmlEach(envelopes);

        assertThat(written).hasSize(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            assertThat(new String(written.get(i), StandardCharsets.UTF_8))
                    .isEqualTo(new String(CODEC.toXml(envelopes.get(i)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void refusesALaterMessageIdTheSchemaRefuses() {
        assertThatThrownBy(() -> CODEC.toXmlEach(fanOutWithLast(m -> m.setMessageId("gw 7 for DFG"))))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("messageId");
    }

    @Test
    void refusesALaterMessageIdXmlCannotCarry() {
        assertThatThrownBy(() -> CODEC.toXmlEach(fanOutWithLast(m -> m.setMessageId("gw-7-\u0001"))))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("messageId");
    }

    @Test
    void refusesALaterTimeWhoseOffsetHasSeconds() {
        assertThatThrownBy(() -> CODEC.toXmlEach(fanOutWithLast(
                m -> m.setSentAt(CanonicalSamples.SENT_AT.toLocalDateTime().atOffset(ZoneOffset.ofHoursMinutesSeconds(1, 0, 30))))))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("sentAt");
    }

    @Test
    void checksWholeALaterMessageWhoseRecordDiffers() {
        assertThatThrownBy(() -> CODEC.toXmlEach(fanOutWithLast(m -> {
            JointProposalRecord other = CanonicalSamples.jointProposalRecord().getJointProposalRecord();
            other.getTracks().get(0).setAgency("jst");
            m.setJointProposalRecord(other);
        }))).isInstanceOf(InvalidMessageException.class).hasMessageContaining("agency");
    }

    @Test
    void checksWholeALaterMessageWhoseOtherEnvelopeFieldsDiffer() {
        assertThatThrownBy(() -> CODEC.toXmlEach(fanOutWithLast(m -> m.setJointProposalId(null))))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("jointProposalId");
        assertThatThrownBy(() -> CODEC.toXmlEach(fanOutWithLast(m -> m.setCallId("call with spaces"))))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("callId");
    }

    @Test
    void aMessageCheckedWholeBecomesTheOneLaterMessagesAreComparedWith() {
        List<CanonicalMessage> envelopes = fanOut();
        CanonicalMessage notice = CanonicalSamples.rejectionNotice();
        CanonicalMessage wrongNotice = CanonicalSamples.rejectionNotice();
        wrongNotice.getJointOutcomeNotice().setOutcome(JointStatus.REJECTED);
        wrongNotice.getJointOutcomeNotice().setDecidingAgency("not-an-agency");
        envelopes.add(notice);
        envelopes.add(wrongNotice);

        assertThatThrownBy(() -> CODEC.toXmlEach(envelopes)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("decidingAgency");
    }

    /**
     * The shortcut compares a fixed list of fields and leans on the schema having no constraint across elements: a
     * new field in the message, or a key or assertion in the schema, must make someone look at it again.
     */
    @Test
    void theShortcutsPremisesStillHold() throws IOException {
        List<String> fields = Arrays.stream(CanonicalMessage.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).toList();
        assertThat(fields).containsExactly("messageId", "kind", "sender", "sentAt", "callId", "jointReference", "jointProposalId",
                "agencySequence", "proposalPart", "reviewResult", "fundingDecision", "jointProposalRecord", "jointOutcomeNotice");
        try (InputStream xsd = CanonicalCodec.class.getResourceAsStream(CanonicalCodec.SCHEMA_RESOURCE)) {
            assertThat(new String(xsd.readAllBytes(), StandardCharsets.UTF_8))
                    .doesNotContain("<xs:unique", "<xs:key", "<xs:keyref", "<xs:assert", "<xs:include", "<xs:import", "<xs:redefine");
        }
    }
}
