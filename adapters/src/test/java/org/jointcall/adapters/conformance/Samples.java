package org.jointcall.adapters.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jointcall.adapters.dfg.DfgAdapter;
import org.jointcall.adapters.jst.JstAdapter;
import org.jointcall.adapters.mapped.MappedAgencies;
import org.jointcall.adapters.nsf.NsfAdapter;
import org.jointcall.adapters.nwo.NwoAdapter;
import org.jointcall.adapters.ukri.UkriAdapter;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.contracts.v1.MessageKind;

/** Every agency adapter under test and where its samples live. */
final class Samples {

    /** Sample file base names by kind; each agency has one file per kind. */
    static final Map<MessageKind, String> FILES = Map.of(
            MessageKind.PROPOSAL_PART, "proposal",
            MessageKind.REVIEW_RESULT, "review",
            MessageKind.FUNDING_DECISION, "decision",
            MessageKind.JOINT_PROPOSAL_RECORD, "joint-proposal-record",
            MessageKind.JOINT_OUTCOME_NOTICE, "joint-outcome-notice");

    private Samples() {
    }

    static List<AgencyAdapter> adapters() {
        List<AgencyAdapter> adapters = new ArrayList<>(List.of(new JstAdapter(), new NsfAdapter(), new UkriAdapter(), new DfgAdapter(), new NwoAdapter()));
        adapters.addAll(MappedAgencies.onClassPath(Samples.class.getClassLoader()));
        return adapters;
    }

    static String directory(AgencyAdapter adapter) {
        return "/org/jointcall/adapters/" + adapter.agency().toLowerCase() + "/samples/";
    }

    static String extension(AgencyAdapter adapter) {
        return adapter.mediaTypes().get(0).endsWith("xml") ? ".xml" : ".json";
    }

    static Stream<Sample> all() {
        List<Sample> samples = new ArrayList<>();
        for (AgencyAdapter adapter : adapters()) {
            for (MessageKind kind : MessageKind.values()) {
                samples.add(new Sample(adapter, kind, directory(adapter) + FILES.get(kind) + extension(adapter)));
            }
        }
        return samples.stream();
    }
}
