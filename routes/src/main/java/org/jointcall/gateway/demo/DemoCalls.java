package org.jointcall.gateway.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jointcall.contracts.binding.CanonicalCodec;

/**
 * The demo's two ASPIRE joint calls, written into {@code calls/} once, at the first start, with
 * deadlines counted from that moment (a restart keeps them, so the story stays the same):
 * <ul>
 * <li>{@value #MAIN}: JST with NSF, UKRI, DFG and NWO in AI and information science, ASPIRE for Top
 * Scientists budget caps, every agency holding a veto, deadlines months ahead;</li>
 * <li>{@value #CLOSING}: JST with DFG, ASPIRE for Rising Scientists, whose decision deadline passes
 * {@link #CLOSING_DECISION_AFTER} after the first start — the deadline sweep then lapses the track of
 * an agency that has not decided.</li>
 * </ul>
 */
final class DemoCalls {

    static final String MAIN = "ASPIRE-2027-AI";
    static final String CLOSING = "ASPIRE-2027-RISING-DE";
    static final Duration CLOSING_DECISION_AFTER = Duration.ofMinutes(4);

    private DemoCalls() {
    }

    /** Writes the call files that are not there yet; returns the closing call's decision deadline as written. */
    static Instant writeOnce(Path callDirectory, Instant firstStart) {
        Instant start = firstStart.truncatedTo(ChronoUnit.SECONDS);
        Path main = callDirectory.resolve("aspire-2027-ai.xml");
        if (!Files.exists(main)) {
            DemoAgencies.write(main, mainCall(start));
        }
        Path closing = callDirectory.resolve("aspire-2027-rising-de.xml");
        if (!Files.exists(closing)) {
            DemoAgencies.write(closing, closingCall(start));
        }
        return closingDecisionDeadline(closing);
    }

    private static String mainCall(Instant start) {
        return call(MAIN, "ASPIRE for Top Scientists 2027: Japan, US, UK, Germany and Netherlands joint call in AI and information science",
                "TOP", start.plus(Duration.ofDays(30)), start.minus(Duration.ofDays(30)), start.plus(Duration.ofDays(45)),
                start.plus(Duration.ofDays(120)), start.plus(Duration.ofDays(180)),
                cap("JST", "JPY", "380000000", "500000000"), cap("NSF", "USD", "800000", "1040000"), cap("UKRI", "GBP", "650000", "812500"),
                cap("DFG", "EUR", "750000", "915000"), cap("NWO", "EUR", "750000", null));
    }

    private static String closingCall(Instant start) {
        return call(CLOSING, "ASPIRE for Rising Scientists: Japan and Germany joint call in AI and information science", "RISING",
                start.plus(Duration.ofMinutes(2)), start.minus(Duration.ofDays(30)), start.plus(Duration.ofMinutes(3)),
                start.plus(Duration.ofMinutes(3)), start.plus(CLOSING_DECISION_AFTER),
                cap("JST", "JPY", "69000000", "90000000"), cap("DFG", "EUR", "450000", null));
    }

    /**
     * A call in the canonical XML the gateway loads; JST leads, and every agency with a budget cap takes part and holds a
     * veto. Instants are written as {@link Instant#toString()} does, always with seconds, as xs:dateTime requires.
     */
    private static String call(String callId, String title, String scheme, Instant submission, Instant opens, Instant closes,
            Instant review, Instant decision, BudgetCap... caps) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the gateway's demo mode at its first start; deadlines count from then. -->
                <jointCall xmlns="urn:jointcall:canonical:v1">
                """);
        xml.append("  <callId>").append(callId).append("</callId>\n  <programme>ASPIRE</programme>\n")
                .append("  <title>").append(title).append("</title>\n  <field>AI_INFORMATION</field>\n")
                .append("  <scheme>").append(scheme).append("</scheme>\n  <decisionMode>JOINT_REVIEW</decisionMode>\n")
                .append("  <leadAgency>").append(DemoAgencies.LEAD).append("</leadAgency>\n");
        for (BudgetCap cap : caps) {
            xml.append("  <participant><agency>").append(cap.agency()).append("</agency><required>true</required>")
                    .append("<selfFunded>false</selfFunded></participant>\n");
        }
        xml.append("  <deadlines>\n    <submission>").append(submission).append("</submission>\n")
                .append("    <parallelSubmissionOpens>").append(opens).append("</parallelSubmissionOpens>\n")
                .append("    <parallelSubmissionCloses>").append(closes).append("</parallelSubmissionCloses>\n")
                .append("    <review>").append(review).append("</review>\n")
                .append("    <decision>").append(decision).append("</decision>\n  </deadlines>\n");
        for (BudgetCap cap : caps) {
            xml.append("  <budgetCap><agency>").append(cap.agency()).append("</agency><currency>").append(cap.currency())
                    .append("</currency><maxDirect>").append(cap.maxDirect()).append("</maxDirect>")
                    .append(cap.maxTotal() == null ? "" : "<maxTotal>" + cap.maxTotal() + "</maxTotal>").append("</budgetCap>\n");
        }
        return xml.append("</jointCall>\n").toString();
    }

    /** An agency's budget cap in the call (direct costs, and total with indirect costs where the agency sets one). */
    private record BudgetCap(String agency, String currency, String maxDirect, String maxTotal) {
    }

    private static BudgetCap cap(String agency, String currency, String maxDirect, String maxTotal) {
        return new BudgetCap(agency, currency, maxDirect, maxTotal);
    }

    private static Instant closingDecisionDeadline(Path file) {
        return new CanonicalCodec().callFromXml(DemoAgencies.read(file).getBytes(StandardCharsets.UTF_8))
                .getDeadlines().getDecision().toInstant();
    }

}
