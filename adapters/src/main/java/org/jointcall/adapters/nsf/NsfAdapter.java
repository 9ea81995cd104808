package org.jointcall.adapters.nsf;

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
 * NSF speaks Research.gov: a reviewer's rating is a letter (or two, "V/G", when the reviewer splits),
 * the panel sorts proposals into categories, and dates are American. Ratings stay verbatim in the
 * canonical {@code nativeScore}; the band next to them is for display only. Reviewer ids never leave NSF.
 */
public final class NsfAdapter extends MappingAdapter {

    public static final String AGENCY = "NSF";
    static final String SCHEMA = "/org/jointcall/adapters/nsf/nsf-jointcall.schema.json";
    private static final ZoneId NSF_TIME = ZoneId.of("America/New_York");
    private static final String DATE = "MM/dd/yyyy";

    public NsfAdapter() {
        super(agencyMapping());
    }

    static AgencyMapping agencyMapping() {
        JsonFormat format = JsonFormat.withSchema(AGENCY, "application/json", NsfAdapter.class, SCHEMA);
        Bindings b = new Bindings(format);
        return new AgencyMapping(AGENCY, format, format.path("$.messageType"), List.of(
                MessageShape.json(MessageKind.PROPOSAL_PART, "proposal", Bindings.message(envelope(b),
                        b.object("$.proposal", "/proposalPart", proposal(b)))),
                MessageShape.json(MessageKind.REVIEW_RESULT, "review", Bindings.message(envelope(b),
                        b.object("$.review", "/reviewResult", review(b)))),
                MessageShape.json(MessageKind.FUNDING_DECISION, "decision", Bindings.message(envelope(b),
                        b.object("$.decision", "/fundingDecision", decision(b)))),
                MessageShape.json(MessageKind.JOINT_PROPOSAL_RECORD, "jointProposalRecord", Bindings.message(envelope(b),
                        b.object("$.jointProposal", "/jointProposalRecord", record(b)))),
                MessageShape.json(MessageKind.JOINT_OUTCOME_NOTICE, "jointOutcomeNotice", Bindings.message(envelope(b),
                        b.object("$.jointOutcome", "/jointOutcomeNotice", notice(b))))));
    }

    private static List<Binding> envelope(Bindings b) {
        return CommonFields.envelope(b, Codecs.timestamp(),
                "$.messageId", "$.senderAgency", "$.sentTimestamp", "$.solicitationId", "$.jointReference", "$.gatewayProposalId", "$.versionNumber");
    }

    private static List<Binding> proposal(Bindings b) {
        return List.of(
                b.field("$.proposalNumber", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.priorProposalNumber", "/previousProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.collaborativeRole", "/role", Codecs.table("collaborative role", "lead", "LEAD", "partner", "PARTNER")),
                b.field("$.title", "/title"),
                b.field("$.projectSummary", "/abstract"),
                b.list("$.keywords", "/keyword", Codecs.text()),
                b.group("$.seniorPersonnel", "/person", List.of(
                        b.field("$.orcidId", "/orcid", Codecs.orcid()),
                        b.field("$.firstName", "/givenName"),
                        b.field("$.lastName", "/familyName"),
                        b.field("$.projectRole", "/role", Codecs.table("project role", "PI", "PI", "co-PI", "CO_PI", "Senior Personnel", "CO_INVESTIGATOR",
                                "Other Personnel", "RESEARCHER", "Graduate Student", "STUDENT")),
                        b.field("$.institution.rorId", "/affiliation/ror", Codecs.ror()),
                        b.field("$.institution.name", "/affiliation/name"),
                        b.field("$.degreeYear", "/degreeYear", Codecs.integer()))),
                b.constant("/budget/currency", TextNode.valueOf("USD")),
                b.field("$.budget.requestedDirectCosts", "/budget/requestedDirect", Codecs.decimal()),
                b.field("$.budget.requestedIndirectCosts", "/budget/requestedIndirect", Codecs.decimal()),
                b.field("$.budget.awardedAmount", "/budget/approvedAmount", Codecs.decimal()),
                b.field("$.budget.startDate", "/budget/start", Codecs.date(DATE)),
                b.field("$.budget.endDate", "/budget/end", Codecs.date(DATE)),
                b.field("$.budget.networkAndCirculationCosts", "/budget/plannedNetworkAndCirculation", Codecs.decimal()));
    }

    /** E/V/G/F/P with split ratings; a split takes the band of its higher letter's lower neighbour. */
    static final ValueCodec RATING_BAND = Codecs.table("NSF rating", "E", "OUTSTANDING", "E/V", "OUTSTANDING", "V", "STRONG", "V/G", "STRONG",
            "G", "ADEQUATE", "G/F", "ADEQUATE", "F", "WEAK", "F/P", "WEAK", "P", "WEAK");

    private static List<Binding> review(Bindings b) {
        return List.of(
                b.field("$.proposalNumber", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.reviewType", "/reviewerType", Codecs.table("review type", "ad hoc", "EXTERNAL", "panel", "PANEL")),
                b.withheld("$.reviewerId", "reviewer identities never leave NSF"),
                b.constant("/nativeScale", TextNode.valueOf("NSF_EVGFP")),
                b.field("$.rating", "/nativeScore"),
                b.derived("$.rating", "/normalisedBand", RATING_BAND),
                b.field("$.panelCategory", "/recommendation", Codecs.table("panel category", "Highly Competitive", "RECOMMENDED", "Competitive", "RESERVE", "Not Competitive", "NOT_RECOMMENDED")),
                b.field("$.reviewText", "/comments"),
                b.field("$.shareWithPartner", "/shareable", Codecs.bool()),
                b.field("$.submittedDate", "/reviewedAt", Codecs.dateAsTimestamp(DATE, NSF_TIME)));
    }

    private static List<Binding> decision(Bindings b) {
        return List.of(
                b.field("$.proposalNumber", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("$.decision", "/outcome", Codecs.table("NSF decision", "award", "APPROVED", "decline", "DECLINED", "return without review", "RETURNED_WITHOUT_REVIEW", "withdrawn", "WITHDRAWN")),
                b.amount("$.awardAmount", "/amount", Codecs.decimal(), "USD"),
                b.list("$.awardConditions", "/condition", Codecs.text()),
                b.field("$.declineReason", "/reason"),
                b.field("$.decisionDate", "/decidedAt", Codecs.dateAsTimestamp(DATE, NSF_TIME)));
    }

    private static List<Binding> record(Bindings b) {
        return List.of(
                b.field("$.title", "/title"),
                b.field("$.jointStatus", "/status", jointStatus()),
                b.field("$.rescopingRequired", "/rescopingRequired", Codecs.bool()),
                b.group("$.tracks", "/track", List.of(
                        b.field("$.agency", "/agency"),
                        b.field("$.role", "/role", Codecs.table("collaborative role", "lead", "LEAD", "partner", "PARTNER")),
                        b.field("$.required", "/required", Codecs.bool()),
                        b.field("$.status", "/state"),
                        b.field("$.statusReason", "/stateReason"),
                        b.group("$.reviews", "/review", CommonFields.sharedReview(b, Codecs.timestamp(),
                                "$.localProposalId", "$.reviewType", "$.scale", "$.score", "$.band", "$.recommendation", "$.comments", "$.shareable", "$.reviewedTimestamp")),
                        b.object("$.decision", "/decision", CommonFields.trackDecision(b, Codecs.timestamp(),
                                "$.localProposalId", "$.outcome", "$.amount.value", "$.amount.currency", "$.decidedTimestamp")))));
    }

    private static List<Binding> notice(Bindings b) {
        return CommonFields.outcomeNotice(b, jointStatus(), Codecs.timestamp(),
                "$.outcome", "$.decidingAgency", "$.reason", "$.rescopingRequired", "$.decidedTimestamp");
    }

    private static ValueCodec jointStatus() {
        return Codecs.table("joint status", "pending", "PENDING", "approved", "APPROVED", "rejected", "REJECTED", "awarded", "AWARDED");
    }
}
