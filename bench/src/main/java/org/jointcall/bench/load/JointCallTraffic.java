package org.jointcall.bench.load;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.jointcall.contracts.v1.FundingOutcome;

/**
 * The realistic mix of the four-agency test call {@code ASPIRE-2026-QUAD}, one joint proposal after the other:
 * each agency's proposal part, two shareable reviews (DFG, NSF), then each agency's decision. Every fifth
 * proposal is declined by DFG, whose decision then comes first, so the joint rejection goes out while the
 * others are still deciding. Every message causes deliveries to partners, so each has an end-to-end latency.
 */
public final class JointCallTraffic implements Iterator<Planned> {

    /** Messages per joint proposal in this mix. */
    public static final int MESSAGES_PER_PROPOSAL = 10;
    private static final List<String> AGENCIES = List.of("DFG", "NSF", "NWO", "UKRI");
    private static final AtomicLong IDS = new AtomicLong();

    private final String prefix;
    private final List<Planned> pending = new ArrayList<>();
    private int proposals;

    /** Traffic about joint references {@code <prefix>-<n>}; the prefix tells this run's rows apart in the database. */
    public JointCallTraffic(String prefix) {
        this.prefix = prefix;
    }

    public String referencePrefix() {
        return prefix + "-";
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public synchronized Planned next() {
        if (pending.isEmpty()) {
            plan(prefix + "-" + proposals, proposals % 5 == 4);
            proposals++;
        }
        return pending.remove(0);
    }

    private void plan(String reference, boolean declinedByDfg) {
        AGENCIES.forEach(agency -> pending.add(message(agency, "proposal", reference, null)));
        pending.add(message("DFG", "review", reference, null));
        pending.add(message("NSF", "review", reference, null));
        if (declinedByDfg) {
            pending.add(message("DFG", "decision", reference, FundingOutcome.DECLINED));
        }
        AGENCIES.stream().filter(agency -> !(declinedByDfg && agency.equals("DFG")))
                .forEach(agency -> pending.add(message(agency, "decision", reference, FundingOutcome.APPROVED)));
    }

    private Planned message(String agency, String kind, String reference, FundingOutcome outcome) {
        return new Planned(agency, kind, reference, agency.toLowerCase(Locale.ROOT) + "-" + prefix.toLowerCase(Locale.ROOT) + "-"
                + IDS.incrementAndGet(), outcome);
    }
}
