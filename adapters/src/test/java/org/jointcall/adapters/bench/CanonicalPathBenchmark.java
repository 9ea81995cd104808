package org.jointcall.adapters.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Microseconds per message for the work the gateway does with an agency's proposal sample, the largest
 * message kind, on the way in and on the way out — the same calls the routes make:
 * <ul>
 * <li>inbound: the adapter reads the native bytes and the gateway takes the canonical XML it stores in
 *     the ledger (what {@code TranslationStep} does);</li>
 * <li>outbound: canonical XML as stored in the outbox becomes the partner's native bytes (what
 *     {@code PartnerPush} does).</li>
 * </ul>
 * Each runs on one thread and on four, because the per-call set-up of XML parsers and validators
 * contended on shared locks under load; a run quotes both.
 * Run: {@code mvn -B -pl adapters -am -Pbench -DskipTests verify -Dbench.args="-e TranslationBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CanonicalPathBenchmark {

    @Param({"JST", "NSF", "UKRI", "DFG", "NWO", "NSERC", "RCF"})
    public String agency;

    private AgencyAdapter adapter;
    private byte[] nativeProposal;
    private byte[] canonicalXml;

    @Setup(Level.Trial)
    public void load() throws IOException {
        adapter = ProposalSamples.adapter(agency);
        nativeProposal = ProposalSamples.nativeProposal(adapter);
        canonicalXml = inbound();
    }

    @Benchmark
    @Threads(1)
    public byte[] inboundOneThread() {
        return inbound();
    }

    @Benchmark
    @Threads(4)
    public byte[] inboundFourThreads() {
        return inbound();
    }

    @Benchmark
    @Threads(1)
    public OutboundTranslation outboundOneThread() {
        return outbound();
    }

    @Benchmark
    @Threads(4)
    public OutboundTranslation outboundFourThreads() {
        return outbound();
    }

    /** Every adapter here gives the XML it validated, which {@code TranslationStep} then stores as is. */
    private byte[] inbound() {
        return adapter.toCanonical(nativeProposal).canonicalXml();
    }

    private OutboundTranslation outbound() {
        return adapter.fromStoredCanonicalXml(canonicalXml);
    }
}
