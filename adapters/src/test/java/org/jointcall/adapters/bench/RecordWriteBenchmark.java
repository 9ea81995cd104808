package org.jointcall.adapters.bench;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.JointProposalRecord;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.TrackRecord;
import org.jointcall.contracts.v1.TrackRole;
import org.jointcall.contracts.v1.TrackState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Microseconds per consolidated joint proposal record written as canonical XML: what the decision step's
 * fan-out does for every recipient of an applied part, review or decision (the largest message the gateway
 * writes itself). The record carries a JST, NSF and UKRI track, each with the agency's proposal sample
 * as its part.
 * Run: {@code mvn -B -pl adapters -Pbench -DskipTests verify -Dbench.args="-f 1 -wi 2 -w 2s -i 3 -r 3s -e TranslationBenchmark -e CanonicalPathBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordWriteBenchmark {

    private final CanonicalCodec codec = new CanonicalCodec();
    private CanonicalMessage record;
    private final List<CanonicalMessage> fanOut = new ArrayList<>();

    @Setup(Level.Trial)
    public void build() throws IOException {
        JointProposalRecord body = new JointProposalRecord();
        body.setStatus(JointStatus.PENDING);
        body.setRescopingRequired(false);
        for (String agency : new String[] {"JST", "NSF", "UKRI"}) {
            AgencyAdapter adapter = ProposalSamples.adapter(agency);
            CanonicalMessage part = adapter.toCanonical(ProposalSamples.nativeProposal(adapter)).message();
            TrackRecord track = new TrackRecord();
            track.setAgency(agency);
            track.setRole(body.getTracks().isEmpty() ? TrackRole.LEAD : TrackRole.PARTNER);
            track.setRequired(true);
            track.setState(TrackState.SUBMITTED);
            track.setPart(part.getProposalPart());
            if (body.getTitle() == null) {
                body.setTitle(part.getProposalPart().getTitle());
            }
            body.getTracks().add(track);
            if (record == null) {
                record = new CanonicalMessage();
                record.setMessageId("gw-record-" + agency);
                record.setKind(MessageKind.JOINT_PROPOSAL_RECORD);
                record.setSender(agency);
                record.setSentAt(OffsetDateTime.of(2026, 11, 29, 2, 0, 0, 0, ZoneOffset.UTC));
                record.setCallId(part.getCallId());
                record.setJointReference(part.getJointReference());
                record.setJointProposalId(UUID.nameUUIDFromBytes(part.getJointReference().getBytes()).toString());
                record.setAgencySequence(1L);
            }
        }
        record.setJointProposalRecord(body);
        codec.toXml(record); // refuses here, not in the measurement, if the record breaks the contract
        for (String recipient : new String[] {"JST", "NSF", "UKRI", "DFG"}) {
            CanonicalMessage envelope = new CanonicalMessage();
            envelope.setMessageId(record.getMessageId() + "-to-" + recipient);
            envelope.setKind(record.getKind());
            envelope.setSender(record.getSender());
            envelope.setSentAt(record.getSentAt().plusNanos(fanOut.size() * 1000L));
            envelope.setCallId(record.getCallId());
            envelope.setJointReference(record.getJointReference());
            envelope.setJointProposalId(record.getJointProposalId());
            envelope.setAgencySequence(record.getAgencySequence());
            envelope.setJointProposalRecord(body);
            fanOut.add(envelope);
        }
    }

    /** The fan-out's way: the four envelopes of one record, the record checked once. */
    @Benchmark
    @Threads(1)
    public List<byte[]> fanOutOfFourOneThread() {
        return codec.toXmlEach(fanOut);
    }

    /** The same four envelopes each written and checked on its own, as the fan-out did before. */
    @Benchmark
    @Threads(1)
    public List<byte[]> fanOutOfFourEachCheckedOneThread() {
        List<byte[]> written = new ArrayList<>(fanOut.size());
        for (CanonicalMessage envelope : fanOut) {
            written.add(codec.toXml(envelope));
        }
        return written;
    }

    @Benchmark
    @Threads(1)
    public byte[] recordToXmlOneThread() {
        return codec.toXml(record);
    }

    @Benchmark
    @Threads(4)
    public byte[] recordToXmlFourThreads() {
        return codec.toXml(record);
    }
}
