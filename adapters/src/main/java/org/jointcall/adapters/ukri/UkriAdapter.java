package org.jointcall.adapters.ukri;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.jointcall.adapters.document.JsonFormat;
import org.jointcall.adapters.mapping.AgencyMapping;
import org.jointcall.adapters.mapping.Binding;
import org.jointcall.adapters.mapping.Bindings;
import org.jointcall.adapters.mapping.Codecs;
import org.jointcall.adapters.mapping.CommonFields;
import org.jointcall.adapters.mapping.MappingAdapter;
import org.jointcall.adapters.mapping.MessageShape;
import org.jointcall.adapters.mapping.ValueCodec;
import org.jointcall.contracts.v1.MessageKind;

/**
 * UKRI's systems count time in epoch milliseconds and have no offset to keep, so instants arrive in UTC;
 * a canonical instant with another offset is reported as carried only in UTC. Scores 1–6 stay verbatim,
 * and reviewer numbers never leave UKRI.
 */
public final class UkriAdapter extends MappingAdapter {

    public static final String AGENCY = "UKRI";
    static final String SCHEMA = "/org/jointcall/adapters/ukri/ukri-jointcall.schema.json";

    public UkriAdapter() {
        super(agencyMapping());
    }

    static AgencyMapping agencyMapping() {
        JsonFormat format = JsonFormat.withSchema(AGENCY, "application/json", UkriAdapter.class, SCHEMA);
        Bindings b = new Bindings(format);
        return new AgencyMapping(AGENCY, format, format.path("$.type"), List.of(
                MessageShape.json(MessageKind.PROPOSAL_PART, "application", Bindings.message(envelope(b),
                        b.object("$.application", "/proposalPart", application(b)))),
                MessageShape.json(MessageKind.REVIEW_RESULT, "review", Bindings.message(envelope(b),
                        b.object("$.review", "/reviewResult", review(b)))),
                MessageShape.json(MessageKind.FUNDING_DECISION, "fundingDecision", Bindings.message(envelope(b),
                        b.object("$.fundingDecision", "/fundingDecision", decision(b)))),
                MessageShape.json(MessageKind.JOINT_PROPOSAL_RECORD, "jointProposalRecord", Bindings.message(envelope(b),
                        b.object("$.jointProposal", "/jointProposalRecord", record(b)))),
                MessageShape.json(MessageKind.JOINT_OUTCOME_NOTICE, "jointOutcomeNotice", Bindings.message(envelope(b),
                        b.object("$.jointOutcome", "/jointOutcomeNotice", notice(b))))));
    }

    private static List<Binding> envelope(Bindings b) {
        return CommonFields.envelope(b, Codecs.epochMillis(),
                "$.id", "$.sender", "$.sent", "$.callReference", "$.jointReference", "$.jointProposalId", "$.sequence");
    }

    private static ValueCodec role() {
        return Codecs.table("UKRI partner role", "lead", "LEAD", "partner", "PARTNER");
    }

    private static List<Binding> application(Bindings b) {
        return List.of(
                b.field("$.grantReference", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.previousGrantReference", "/previousProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.partnerRole", "/role", role()),
                b.field("$.title", "/title"),
                b.field("$.abstractText", "/abstract"),
                b.list("$.researchTopics", "/keyword", Codecs.text()),
                b.group("$.participants", "/person", List.of(
                        b.field("$.orcid", "/orcid", Codecs.orcid()),
                        b.field("$.firstName", "/givenName"),
                        b.field("$.surname", "/familyName"),
                        b.field("$.role", "/role", Codecs.table("UKRI project role", "Project Lead", "PI", "Project Co-lead", "CO_PI",
                                "Co-Investigator", "CO_INVESTIGATOR", "Researcher", "RESEARCHER", "Student", "STUDENT")),
                        b.field("$.organisation.rorId", "/affiliation/ror", Codecs.ror()),
                        b.field("$.organisation.name", "/affiliation/name"),
                        b.field("$.careerStage", "/careerStage", Codecs.table("UKRI career stage",
                                "student", "STUDENT", "early career", "EARLY_CAREER", "established", "ESTABLISHED")))),
                b.constant("/budget/currency", TextNode.valueOf("GBP")),
                b.field("$.fund.directPounds", "/budget/requestedDirect", Codecs.decimal()),
                b.field("$.fund.indirectPounds", "/budget/requestedIndirect", Codecs.decimal()),
                b.field("$.fund.awardedPounds", "/budget/approvedAmount", Codecs.decimal()),
                b.field("$.fund.start", "/budget/start", Codecs.epochMillisDate()),
                b.field("$.fund.end", "/budget/end", Codecs.epochMillisDate()),
                b.field("$.fund.networkAndCirculationPounds", "/budget/plannedNetworkAndCirculation", Codecs.decimal()));
    }

    private static List<Binding> review(Bindings b) {
        return List.of(
                b.field("$.grantReference", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.reviewType", "/reviewerType", Codecs.table("UKRI review type", "expert", "EXTERNAL", "panel", "PANEL")),
                b.withheld("$.reviewerNumber", "reviewer identities never leave UKRI"),
                b.constant("/nativeScale", TextNode.valueOf("UKRI_1_6")),
                b.field("$.score", "/nativeScore", Codecs.numberAsText()),
                b.derived("$.score", "/normalisedBand", Codecs.table("UKRI score",
                        "6", "OUTSTANDING", "5", "STRONG", "4", "ADEQUATE", "3", "WEAK", "2", "WEAK", "1", "WEAK")),
                b.field("$.comments", "/comments"),
                b.field("$.shareable", "/shareable", Codecs.bool()),
                b.field("$.submitted", "/reviewedAt", Codecs.epochMillis()));
    }

    private static List<Binding> decision(Bindings b) {
        return List.of(
                b.field("$.grantReference", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.outcome", "/outcome", Codecs.table("UKRI outcome", "funded", "APPROVED", "not funded", "DECLINED", "withdrawn", "WITHDRAWN")),
                b.amount("$.awardPounds", "/amount", Codecs.decimal(), "GBP"),
                b.list("$.conditions", "/condition", Codecs.text()),
                b.field("$.reason", "/reason"),
                b.field("$.decided", "/decidedAt", Codecs.epochMillis()));
    }

    private static List<Binding> record(Bindings b) {
        return List.of(
                b.field("$.title", "/title"),
                b.field("$.status", "/status", jointStatus()),
                b.field("$.rescopingRequired", "/rescopingRequired", Codecs.bool()),
                b.group("$.tracks", "/track", List.of(
                        b.field("$.agency", "/agency"),
                        b.field("$.role", "/role", role()),
                        b.field("$.required", "/required", Codecs.bool()),
                        b.field("$.state", "/state"),
                        b.field("$.stateReason", "/stateReason"),
                        b.group("$.reviews", "/review", CommonFields.sharedReview(b, Codecs.epochMillis(),
                                "$.reference", "$.reviewType", "$.scale", "$.score", "$.band", "$.recommendation", "$.comments", "$.shareable", "$.submitted")),
                        b.object("$.decision", "/decision", CommonFields.trackDecision(b, Codecs.epochMillis(),
                                "$.reference", "$.outcome", "$.amount.value", "$.amount.currency", "$.decided")))));
    }

    private static List<Binding> notice(Bindings b) {
        return CommonFields.outcomeNotice(b, jointStatus(), Codecs.epochMillis(),
                "$.outcome", "$.decidingAgency", "$.reason", "$.rescopingRequired", "$.decided");
    }

    private static ValueCodec jointStatus() {
        return Codecs.table("joint status", "pending", "PENDING", "funded", "APPROVED", "not funded", "REJECTED", "awarded", "AWARDED");
    }
}
