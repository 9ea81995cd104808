package org.jointcall.adapters.jst;

import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import org.jointcall.adapters.document.XmlFormat;
import org.jointcall.adapters.mapping.AgencyMapping;
import org.jointcall.adapters.mapping.Binding;
import org.jointcall.adapters.mapping.Bindings;
import org.jointcall.adapters.mapping.Codecs;
import org.jointcall.adapters.mapping.CommonFields;
import org.jointcall.adapters.mapping.MappingAdapter;
import org.jointcall.adapters.mapping.MessageShape;
import org.jointcall.adapters.mapping.ValueCodec;
import org.jointcall.contracts.identifier.ERadNumber;
import org.jointcall.contracts.v1.MessageKind;

/**
 * JST is the lead agency of ASPIRE, so its format is the only one that carries the whole ASPIRE
 * proposal: young-researcher dispatches and the invitation plan. Budgets are in thousands of yen as e-Rad
 * has them (千円 × 1000 = canonical yen), periods in fiscal years, researchers by e-Rad number.
 */
public final class JstAdapter extends MappingAdapter {

    public static final String AGENCY = "JST";
    static final String SCHEMA = "/org/jointcall/adapters/jst/jst-jointcall.xsd";
    private static final ValueCodec THOUSAND_YEN = Codecs.scaled(new BigDecimal(1000), "千円");

    public JstAdapter() {
        super(agencyMapping());
    }

    static AgencyMapping agencyMapping() {
        XmlFormat format = XmlFormat.withSchema(AGENCY, "application/xml", JstAdapter.class, SCHEMA);
        Bindings b = new Bindings(format);
        return new AgencyMapping(AGENCY, format, null, List.of(
                MessageShape.xml(MessageKind.PROPOSAL_PART, "ProposalSubmission", Bindings.message(header(b),
                        b.object("Proposal", "/proposalPart", proposal(b)))),
                MessageShape.xml(MessageKind.REVIEW_RESULT, "ReviewReport", Bindings.message(header(b),
                        b.object("Review", "/reviewResult", review(b)))),
                MessageShape.xml(MessageKind.FUNDING_DECISION, "SelectionDecision", Bindings.message(header(b),
                        b.object("Decision", "/fundingDecision", decision(b)))),
                MessageShape.xml(MessageKind.JOINT_PROPOSAL_RECORD, "JointProposalRecord", Bindings.message(header(b),
                        b.object("JointProposal", "/jointProposalRecord", record(b)))),
                MessageShape.xml(MessageKind.JOINT_OUTCOME_NOTICE, "JointOutcomeNotice", Bindings.message(header(b),
                        b.object("JointOutcome", "/jointOutcomeNotice", notice(b))))));
    }

    private static List<Binding> header(Bindings b) {
        return CommonFields.envelope(b, Codecs.timestamp(),
                "Header/MessageId", "Header/Sender", "Header/SentAt", "Header/CallId", "Header/JointReference", "Header/JointProposalId", "Header/Sequence");
    }

    private static ValueCodec role() {
        return Codecs.table("参加形態 (role)", "主導", "LEAD", "連携", "PARTNER");
    }

    private static ValueCodec careerStage() {
        return Codecs.table("キャリア段階 (career stage)", "学生", "STUDENT", "若手", "EARLY_CAREER", "中堅以上", "ESTABLISHED");
    }

    private static List<Binding> proposal(Bindings b) {
        return List.of(
                b.field("GrantNumber", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("PreviousGrantNumber", "/previousProposalId", Codecs.localProposalId(AGENCY)),
                b.field("Role", "/role", role()),
                b.field("Title", "/title"),
                b.field("Abstract", "/abstract"),
                b.list("Keyword", "/keyword", Codecs.text()),
                b.group("Researcher", "/person", List.of(
                        b.qualified("ERadNumber", "/researcherNumber", Codecs.matching("\\d{8}", "12345678 (8 digits)"), "scheme", ERadNumber.SCHEME),
                        b.field("ORCID", "/orcid", Codecs.orcid()),
                        b.field("FamilyName", "/familyName"),
                        b.field("GivenName", "/givenName"),
                        b.field("ResearcherRole", "/role", Codecs.table("研究者区分 (researcher role)", "研究代表者", "PI",
                                "主たる共同研究者", "CO_PI", "研究分担者", "CO_INVESTIGATOR", "研究参加者", "RESEARCHER", "学生", "STUDENT")),
                        b.field("Affiliation", "/affiliation/name"),
                        b.field("Affiliation/@ror", "/affiliation/ror", Codecs.ror()),
                        b.field("CareerStage", "/careerStage", careerStage()),
                        b.field("DegreeYear", "/degreeYear", Codecs.integer()))),
                b.constant("/budget/currency", TextNode.valueOf("JPY")),
                b.field("Budget/DirectCostThousandYen", "/budget/requestedDirect", THOUSAND_YEN),
                b.field("Budget/IndirectCostThousandYen", "/budget/requestedIndirect", THOUSAND_YEN),
                b.field("Budget/ApprovedThousandYen", "/budget/approvedAmount", THOUSAND_YEN),
                b.field("Budget/StartFiscalYear", "/budget/start", FiscalYear.start()),
                b.field("Budget/EndFiscalYear", "/budget/end", FiscalYear.end()),
                b.field("Budget/NetworkCirculationThousandYen", "/budget/plannedNetworkAndCirculation", THOUSAND_YEN),
                b.group("YoungResearcherDispatch", "/youngResearcherDispatch", List.of(
                        b.field("Researcher", "/researcher"),
                        b.field("ORCID", "/orcid", Codecs.orcid()),
                        b.field("CareerStage", "/careerStage", careerStage()),
                        b.field("DestinationCountry", "/destinationCountry"),
                        b.field("Host", "/host/name"),
                        b.field("Host/@ror", "/host/ror", Codecs.ror()),
                        b.field("StartDate", "/start", Codecs.date("yyyy-MM-dd")),
                        b.field("EndDate", "/end", Codecs.date("yyyy-MM-dd")))),
                b.field("InvitationPlan/Description", "/invitationPlan/description"),
                b.field("InvitationPlan/PlannedInvitees", "/invitationPlan/plannedInvitees", Codecs.integer()));
    }

    private static List<Binding> review(Bindings b) {
        return List.of(
                b.field("GrantNumber", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("ReviewerType", "/reviewerType", Codecs.table("評価者区分 (reviewer type)", "外部評価者", "EXTERNAL", "評価委員会", "PANEL")),
                b.withheld("ReviewerId", "reviewer identities never leave JST"),
                b.constant("/nativeScale", TextNode.valueOf("JST_SABC")),
                b.field("Grade", "/nativeScore"),
                b.derived("Grade", "/normalisedBand", Codecs.table("評価 (grade)", "S", "OUTSTANDING", "A", "STRONG", "B", "ADEQUATE", "C", "WEAK")),
                b.field("Recommendation", "/recommendation", Codecs.table("推薦 (recommendation)",
                        "採択推薦", "RECOMMENDED", "補欠", "RESERVE", "不採択推薦", "NOT_RECOMMENDED")),
                b.field("Comment", "/comments"),
                b.field("Shareable", "/shareable", Codecs.bool()),
                b.field("ReviewedAt", "/reviewedAt", Codecs.timestamp()));
    }

    private static List<Binding> decision(Bindings b) {
        return List.of(
                b.field("GrantNumber", "/localProposalId", Codecs.localProposalId(AGENCY)),
                b.field("Result", "/outcome", Codecs.table("採否 (decision)", "採択", "APPROVED", "減額採択", "APPROVED_PARTIAL",
                        "不採択", "DECLINED", "補欠", "RESERVE", "辞退", "WITHDRAWN", "要件不備", "INELIGIBLE")),
                b.amount("ApprovedThousandYen", "/amount", THOUSAND_YEN, "JPY"),
                b.list("Condition", "/condition", Codecs.text()),
                b.field("Reason", "/reason"),
                b.field("DecidedAt", "/decidedAt", Codecs.timestamp()));
    }

    private static List<Binding> record(Bindings b) {
        return List.of(
                b.field("Title", "/title"),
                b.field("Status", "/status", jointStatus()),
                b.field("RescopingRequired", "/rescopingRequired", Codecs.bool()),
                b.group("Track", "/track", List.of(
                        b.field("Agency", "/agency"),
                        b.field("Role", "/role", role()),
                        b.field("Required", "/required", Codecs.bool()),
                        b.field("State", "/state"),
                        b.field("StateReason", "/stateReason"),
                        b.group("Review", "/review", CommonFields.sharedReview(b, Codecs.timestamp(),
                                "LocalProposalId", "ReviewerType", "Scale", "Score", "Band", "Recommendation", "Comment", "Shareable", "ReviewedAt")),
                        b.object("Decision", "/decision", CommonFields.trackDecision(b, Codecs.timestamp(),
                                "LocalProposalId", "Outcome", "Amount", "Amount/@currency", "DecidedAt")))));
    }

    private static List<Binding> notice(Bindings b) {
        return CommonFields.outcomeNotice(b, jointStatus(), Codecs.timestamp(),
                "Outcome", "DecidingAgency", "Reason", "RescopingRequired", "DecidedAt");
    }

    private static ValueCodec jointStatus() {
        return Codecs.table("共同採否 (joint status)", "審査中", "PENDING", "採択", "APPROVED", "不採択", "REJECTED", "契約済", "AWARDED");
    }
}
