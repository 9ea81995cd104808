package org.jointcall.adapters.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jointcall.adapters.dfg.DfgAdapter;
import org.jointcall.adapters.jst.JstAdapter;
import org.jointcall.adapters.mapped.MappedAgencies;
import org.jointcall.adapters.nsf.NsfAdapter;
import org.jointcall.adapters.nwo.NwoAdapter;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.adapters.ukri.UkriAdapter;
import org.jointcall.contracts.binding.CanonicalCodec;
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

    private final CanonicalCodec codec = new CanonicalCodec();
    private AgencyAdapter adapter;
    private byte[] nativeProposal;
    private byte[] canonicalXml;

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<AgencyAdapter> all = new ArrayList<>(List.of(
                new JstAdapter(), new NsfAdapter(), new UkriAdapter(), new DfgAdapter(), new NwoAdapter()));
        all.addAll(MappedAgencies.onClassPath(getClass().getClassLoader()));
        adapter = all.stream().filter(a -> a.agency().equals(agency)).findFirst().orElseThrow();
        String sample = "/org/jointcall/adapters/" + agency.toLowerCase() + "/samples/proposal"
                + (adapter.mediaTypes().get(0).endsWith("xml") ? ".xml" : ".json");
        try (InputStream in = getClass().getResourceAsStream(sample)) {
            nativeProposal = in.readAllBytes();
        }
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

    private byte[] inbound() {
        return codec.toXml(adapter.toCanonical(nativeProposal).message());
    }

    private OutboundTranslation outbound() {
        return adapter.fromCanonical(codec.fromXml(canonicalXml));
    }
}
