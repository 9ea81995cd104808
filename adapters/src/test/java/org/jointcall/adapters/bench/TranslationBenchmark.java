package org.jointcall.adapters.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.spi.InboundTranslation;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Messages per second each adapter translates, inbound (native bytes → canonical, including schema
 * validation and the canonical contract checks) and outbound (canonical → native bytes, including schema
 * validation of the output and the read-back loss report), on each agency's proposal sample, the largest
 * message kind.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TranslationBenchmark {

    @Param({"JST", "NSF", "UKRI", "DFG", "NWO", "NSERC", "RCF"})
    public String agency;

    private AgencyAdapter adapter;
    private byte[] nativeProposal;
    private CanonicalMessage canonicalProposal;

    @Setup(Level.Trial)
    public void load() throws IOException {
        adapter = ProposalSamples.adapter(agency);
        nativeProposal = ProposalSamples.nativeProposal(adapter);
        canonicalProposal = adapter.toCanonical(nativeProposal).message();
    }

    @Benchmark
    public InboundTranslation nativeToCanonical() {
        return adapter.toCanonical(nativeProposal);
    }

    @Benchmark
    public OutboundTranslation canonicalToNative() {
        return adapter.fromCanonical(canonicalProposal);
    }
}
