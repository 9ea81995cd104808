package org.jointcall.adapters.nwo;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.ZoneId;
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
 * NWO qualifies proposals in words rather than numbers, and those words are kept verbatim; organisations
 * arrive as one {@code ||}-separated path, of which the canonical model keeps the university. Referee
 * ids never leave NWO.
 */
public final class NwoAdapter extends MappingAdapter {

    public static final String AGENCY = "NWO";
    static final String SCHEMA = "/org/jointcall/adapters/nwo/nwo-jointcall.schema.json";
    private static final ZoneId NWO_TIME = ZoneId.of("Europe/Amsterdam");
    private static final String DATE = "yyyy-MM-dd";

    public NwoAdapter() {
        super(agencyMapping());
    }

    static AgencyMapping agencyMapping() {
        JsonFormat format = JsonFormat.withSchema(AGENCY, "application/json", NwoAdapter.class, SCHEMA);
        Bindings b = new Bindings(format);
        return new AgencyMapping(AGENCY, format, format.path("$.message_type"), List.of(
                MessageShape.json(MessageKind.PROPOSAL_PART, "project_proposal", Bindings.message(envelope(b),
                        b.object("$.project", "/proposalPart", project(b)))),
                MessageShape.json(MessageKind.REVIEW_RESULT, "referee_report", Bindings.message(envelope(b),
                        b.object("$.referee_report", "/reviewResult", review(b)))),
                MessageShape.json(MessageKind.FUNDING_DECISION, "funding_decision", Bindings.message(envelope(b),
                        b.object("$.decision", "/fundingDecision", decision(b)))),
                MessageShape.json(MessageKind.JOINT_PROPOSAL_RECORD, "joint_proposal_record", Bindings.message(envelope(b),
                        b.object("$.joint_proposal", "/jointProposalRecord", record(b)))),
                MessageShape.json(MessageKind.JOINT_OUTCOME_NOTICE, "joint_outcome_notice", Bindings.message(envelope(b),
                        b.object("$.joint_outcome", "/jointOutcomeNotice", notice(b))))));
    }

    private static List<Binding> envelope(Bindings b) {
        return CommonFields.envelope(b, Codecs.timestamp(),
                "$.message_id", "$.sender", "$.sent_at", "$.call_id", "$.joint_reference", "$.joint_proposal_id", "$.sequence_number");
    }

    private static ValueCodec role() {
        return Codecs.table("NWO consortium role", "lead", "LEAD", "partner", "PARTNER");
    }

    private static List<Binding> project(Bindings b) {
        return List.of(
                b.field("$.project_id", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.previous_project_id", "/previousProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.consortium_role", "/role", role()),
                b.field("$.title", "/title"),
                b.field("$.summary_en", "/abstract"),
                b.list("$.keywords", "/keyword", Codecs.text()),
                b.group("$.project_members", "/person", List.of(
                        b.field("$.orcid", "/orcid", Codecs.orcid()),
                        b.field("$.first_name", "/givenName"),
                        b.field("$.last_name", "/familyName"),
                        b.field("$.role", "/role", Codecs.table("NWO member role", "main_applicant", "PI", "co_applicant", "CO_PI",
                                "project_member", "CO_INVESTIGATOR", "researcher", "RESEARCHER", "phd_candidate", "STUDENT")),
                        b.field("$.ror", "/affiliation/ror", Codecs.ror()),
                        new OrganisationBinding(b.format().path("$.organisation"), "/affiliation/name"),
                        b.field("$.phd_year", "/degreeYear", Codecs.integer()))),
                b.constant("/budget/currency", TextNode.valueOf("EUR")),
                b.field("$.budget.requested_direct", "/budget/requestedDirect", Codecs.decimal()),
                b.field("$.budget.requested_indirect", "/budget/requestedIndirect", Codecs.decimal()),
                b.field("$.budget.awarded", "/budget/approvedAmount", Codecs.decimal()),
                b.field("$.budget.start_date", "/budget/start", Codecs.date(DATE)),
                b.field("$.budget.end_date", "/budget/end", Codecs.date(DATE)),
                b.field("$.budget.network_and_circulation", "/budget/plannedNetworkAndCirculation", Codecs.decimal()));
    }

    private static List<Binding> review(Bindings b) {
        return List.of(
                b.field("$.project_id", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.report_type", "/reviewerType", Codecs.table("NWO report type", "referee", "EXTERNAL", "committee", "PANEL")),
                b.withheld("$.referee_id", "referee identities never leave NWO"),
                b.constant("/nativeScale", TextNode.valueOf("NWO_WORDS")),
                b.field("$.qualification", "/nativeScore"),
                b.derived("$.qualification", "/normalisedBand", Codecs.table("NWO qualification",
                        "excellent", "OUTSTANDING", "very good", "STRONG", "good", "ADEQUATE", "unsatisfactory", "WEAK")),
                b.field("$.comments", "/comments"),
                b.field("$.shareable", "/shareable", Codecs.bool()),
                b.field("$.submitted_on", "/reviewedAt", Codecs.dateAsTimestamp(DATE, NWO_TIME)));
    }

    private static List<Binding> decision(Bindings b) {
        return List.of(
                b.field("$.project_id", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.result", "/outcome", Codecs.table("NWO decision", "awarded", "APPROVED", "rejected", "DECLINED",
                        "withdrawn", "WITHDRAWN", "not_admissible", "INELIGIBLE")),
                b.amount("$.awarded_amount", "/amount", Codecs.decimal(), "EUR"),
                b.list("$.conditions", "/condition", Codecs.text()),
                b.field("$.motivation", "/reason"),
                b.field("$.decision_date", "/decidedAt", Codecs.dateAsTimestamp(DATE, NWO_TIME)));
    }

    private static List<Binding> record(Bindings b) {
        return List.of(
                b.field("$.title", "/title"),
                b.field("$.status", "/status", jointStatus()),
                b.field("$.rescoping_required", "/rescopingRequired", Codecs.bool()),
                b.group("$.tracks", "/track", List.of(
                        b.field("$.agency", "/agency"),
                        b.field("$.role", "/role", role()),
                        b.field("$.required", "/required", Codecs.bool()),
                        b.field("$.state", "/state"),
                        b.field("$.state_reason", "/stateReason"),
                        b.group("$.reviews", "/review", CommonFields.sharedReview(b, Codecs.timestamp(),
                                "$.local_id", "$.review_type", "$.scale", "$.score", "$.band", "$.recommendation", "$.comments", "$.shareable", "$.reviewed_at")),
                        b.object("$.decision", "/decision", CommonFields.trackDecision(b, Codecs.timestamp(),
                                "$.local_id", "$.outcome", "$.amount", "$.currency", "$.decided_at")))));
    }

    private static List<Binding> notice(Bindings b) {
        return CommonFields.outcomeNotice(b, jointStatus(), Codecs.timestamp(),
                "$.outcome", "$.deciding_agency", "$.reason", "$.rescoping_required", "$.decided_at");
    }

    private static ValueCodec jointStatus() {
        return Codecs.table("joint status", "pending", "PENDING", "approved", "APPROVED", "rejected", "REJECTED", "awarded", "AWARDED");
    }
}
