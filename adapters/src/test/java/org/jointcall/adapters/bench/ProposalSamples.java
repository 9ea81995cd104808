package org.jointcall.adapters.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jointcall.adapters.dfg.DfgAdapter;
import org.jointcall.adapters.jst.JstAdapter;
import org.jointcall.adapters.mapped.MappedAgencies;
import org.jointcall.adapters.nsf.NsfAdapter;
import org.jointcall.adapters.nwo.NwoAdapter;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.ukri.UkriAdapter;

/** The benchmarks' input: an agency's adapter and its proposal sample, the largest message kind. */
final class ProposalSamples {

    private ProposalSamples() {
    }

    static AgencyAdapter adapter(String agency) {
        List<AgencyAdapter> all = new ArrayList<>(List.of(
                new JstAdapter(), new NsfAdapter(), new UkriAdapter(), new DfgAdapter(), new NwoAdapter()));
        all.addAll(MappedAgencies.onClassPath(ProposalSamples.class.getClassLoader()));
        return all.stream().filter(a -> a.agency().equals(agency)).findFirst().orElseThrow();
    }

    static byte[] nativeProposal(AgencyAdapter adapter) throws IOException {
        String sample = "/org/jointcall/adapters/" + adapter.agency().toLowerCase() + "/samples/proposal"
                + (adapter.mediaTypes().get(0).endsWith("xml") ? ".xml" : ".json");
        try (InputStream in = ProposalSamples.class.getResourceAsStream(sample)) {
            return in.readAllBytes();
        }
    }
}
