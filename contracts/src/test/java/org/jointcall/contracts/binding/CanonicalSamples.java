package org.jointcall.contracts.binding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jointcall.contracts.v1.Affiliation;
import org.jointcall.contracts.v1.AspireScheme;
import org.jointcall.contracts.v1.Budget;
import org.jointcall.contracts.v1.BudgetCap;
import org.jointcall.contracts.v1.CallDeadlines;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.CareerStage;
import org.jointcall.contracts.v1.DecisionMode;
import org.jointcall.contracts.v1.DispatchPlan;
import org.jointcall.contracts.v1.FundingDecision;
import org.jointcall.contracts.v1.FundingOutcome;
import org.jointcall.contracts.v1.InvitationPlan;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.contracts.v1.JointOutcomeNotice;
import org.jointcall.contracts.v1.JointProposalRecord;
import org.jointcall.contracts.v1.JointStatus;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.MonetaryAmount;
import org.jointcall.contracts.v1.Participation;
import org.jointcall.contracts.v1.Person;
import org.jointcall.contracts.v1.PersonRole;
import org.jointcall.contracts.v1.ProposalPart;
import org.jointcall.contracts.v1.Recommendation;
import org.jointcall.contracts.v1.ResearchField;
import org.jointcall.contracts.v1.ResearcherNumber;
import org.jointcall.contracts.v1.ReviewResult;
import org.jointcall.contracts.v1.ReviewerType;
import org.jointcall.contracts.v1.ScoreBand;
import org.jointcall.contracts.v1.TrackRecord;
import org.jointcall.contracts.v1.TrackRole;
import org.jointcall.contracts.v1.TrackState;

/** Rich, valid canonical messages of every kind, including Japanese text, for codec tests. */
public final class CanonicalSamples {

    public static final OffsetDateTime SENT_AT = OffsetDateTime.of(2026, 5, 12, 9, 30, 15, 123_000_000, ZoneOffset.ofHours(9));
    public static final String JOINT_ID = "6f1c2f0e-8a51-4c41-9a0e-2b3c4d5e6f70";

    private CanonicalSamples() {
    }

    public static CanonicalMessage envelope(MessageKind kind, String sender, long sequence) {
        CanonicalMessage message = new CanonicalMessage();
        message.setMessageId(sender + "-" + kind + "-" + sequence);
        message.setKind(kind);
        message.setSender(sender);
        message.setSentAt(SENT_AT);
        message.setCallId("ASPIRE-2026-UK-BIO");
        message.setJointReference("ASPIRE26-0042");
        message.setAgencySequence(sequence);
        return message;
    }

    public static CanonicalMessage jstProposalPart() {
        CanonicalMessage message = envelope(MessageKind.PROPOSAL_PART, "JST", 1);
        message.setProposalPart(jstPart());
        return message;
    }

    public static ProposalPart jstPart() {
        ProposalPart part = new ProposalPart();
        part.setLocalProposalId("JPMJAP2326");
        part.setPreviousProposalId("JPMJAP2201");
        part.setRole(TrackRole.LEAD);
        part.setTitle("合成生物学による持続可能な材料設計 — Sustainable materials by synthetic biology");
        part.setAbstract("本研究は日英の若手研究者の循環を通じて、微生物による高機能材料の生産を目指す。\n"
                + "Line two with <markup-like> text & ampersands, \"quotes\" and emoji 🧬.");
        part.getKeywords().add("合成生物学");
        part.getKeywords().add("synthetic biology");
        part.getPersons().add(person("0000-0002-1825-0097", "太郎", "山田", PersonRole.PI, "https://ror.org/057zh3y96", "東京大学", "12345678"));
        Person coPi = person("0000-0001-5109-3700", "Hanako", "Suzuki", PersonRole.CO_PI, "https://ror.org/02kpeqv85", "Kyoto University", "87654321");
        coPi.setCareerStage(CareerStage.EARLY_CAREER);
        coPi.setDegreeYear(2019);
        part.getPersons().add(coPi);
        Budget budget = new Budget();
        budget.setCurrency("JPY");
        budget.setRequestedDirect(new BigDecimal("180000000"));
        budget.setRequestedIndirect(new BigDecimal("54000000"));
        budget.setStart(LocalDate.of(2026, 10, 1));
        budget.setEnd(LocalDate.of(2031, 3, 31));
        budget.setPlannedNetworkAndCirculation(new BigDecimal("130000000"));
        part.setBudget(budget);
        DispatchPlan dispatch = new DispatchPlan();
        dispatch.setResearcher("佐藤 花子");
        dispatch.setOrcid("0000-0001-5109-3700");
        dispatch.setCareerStage(CareerStage.STUDENT);
        dispatch.setDestinationCountry("GB");
        Affiliation host = new Affiliation();
        host.setRor("https://ror.org/052gg0110");
        host.setName("University of Oxford");
        dispatch.setHost(host);
        dispatch.setStart(LocalDate.of(2027, 4, 1));
        dispatch.setEnd(LocalDate.of(2028, 3, 31));
        part.getYoungResearcherDispatches().add(dispatch);
        InvitationPlan invitation = new InvitationPlan();
        invitation.setDescription("英国側の若手研究者を毎年2名、3か月招へいする。");
        invitation.setPlannedInvitees(6);
        part.setInvitationPlan(invitation);
        return part;
    }

    public static Person person(String orcid, String given, String family, PersonRole role, String ror, String institution, String eRad) {
        Person person = new Person();
        person.setOrcid(orcid);
        person.setGivenName(given);
        person.setFamilyName(family);
        person.setRole(role);
        Affiliation affiliation = new Affiliation();
        affiliation.setRor(ror);
        affiliation.setName(institution);
        person.setAffiliation(affiliation);
        if (eRad != null) {
            ResearcherNumber number = new ResearcherNumber();
            number.setScheme("E_RAD");
            number.setValue(eRad);
            person.setResearcherNumber(number);
        }
        return person;
    }

    public static ProposalPart ukriPart() {
        ProposalPart part = new ProposalPart();
        part.setLocalProposalId("BB/Y012345/1");
        part.setRole(TrackRole.PARTNER);
        part.setTitle("Sustainable materials by synthetic biology");
        part.setAbstract("UK side of the joint project.");
        part.getPersons().add(person("0000-0003-1415-9269", "Alice", "Smith", PersonRole.PI, "https://ror.org/052gg0110", "University of Oxford", null));
        Budget budget = new Budget();
        budget.setCurrency("GBP");
        budget.setRequestedDirect(new BigDecimal("750000.00"));
        budget.setRequestedIndirect(new BigDecimal("225000.50"));
        budget.setStart(LocalDate.of(2026, 10, 1));
        budget.setEnd(LocalDate.of(2029, 9, 30));
        part.setBudget(budget);
        return part;
    }

    public static CanonicalMessage nsfReview() {
        CanonicalMessage message = envelope(MessageKind.REVIEW_RESULT, "NSF", 7);
        message.setJointProposalId(JOINT_ID);
        ReviewResult review = review("2412345", "NSF_EVGFP", "V/G");
        message.setReviewResult(review);
        return message;
    }

    public static ReviewResult review(String localId, String scale, String score) {
        ReviewResult review = new ReviewResult();
        review.setLocalProposalId(localId);
        review.setReviewerType(ReviewerType.PANEL);
        review.setNativeScale(scale);
        review.setNativeScore(score);
        review.setNormalisedBand(ScoreBand.STRONG);
        review.setRecommendation(Recommendation.RECOMMENDED);
        review.setComments("Strong team; the circulation plan is concrete. 評価：高い。");
        review.setShareable(true);
        review.setReviewedAt(OffsetDateTime.of(2026, 8, 1, 17, 0, 0, 0, ZoneOffset.ofHours(-4)));
        return review;
    }

    public static CanonicalMessage ukriPartialDecision() {
        CanonicalMessage message = envelope(MessageKind.FUNDING_DECISION, "UKRI", 12);
        message.setJointProposalId(JOINT_ID);
        message.setFundingDecision(decision("BB/Y012345/1", FundingOutcome.APPROVED_PARTIAL, "600000.00", "GBP"));
        return message;
    }

    public static FundingDecision decision(String localId, FundingOutcome outcome, String amount, String currency) {
        FundingDecision decision = new FundingDecision();
        decision.setLocalProposalId(localId);
        decision.setOutcome(outcome);
        if (amount != null) {
            MonetaryAmount money = new MonetaryAmount();
            money.setValue(new BigDecimal(amount));
            money.setCurrency(currency);
            decision.setAmount(money);
        }
        decision.getConditions().add("Reduce equipment costs by 20%.");
        decision.getConditions().add("Submit a revised work plan within 30 days.");
        decision.setReason("Budget constraints in the 2026 round.");
        decision.setDecidedAt(OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.UTC));
        return decision;
    }

    public static CanonicalMessage jointProposalRecord() {
        CanonicalMessage message = envelope(MessageKind.JOINT_PROPOSAL_RECORD, "JST", 3);
        message.setJointProposalId(JOINT_ID);
        JointProposalRecord record = new JointProposalRecord();
        record.setTitle("合成生物学による持続可能な材料設計");
        record.setStatus(JointStatus.APPROVED);
        record.setRescopingRequired(true);
        TrackRecord jst = new TrackRecord();
        jst.setAgency("JST");
        jst.setRole(TrackRole.LEAD);
        jst.setRequired(true);
        jst.setState(TrackState.APPROVED);
        jst.setPart(jstPart());
        jst.setDecision(decision("JPMJAP2326", FundingOutcome.APPROVED, "180000000", "JPY"));
        record.getTracks().add(jst);
        TrackRecord ukri = new TrackRecord();
        ukri.setAgency("UKRI");
        ukri.setRole(TrackRole.PARTNER);
        ukri.setRequired(true);
        ukri.setState(TrackState.APPROVED_PARTIAL);
        ukri.setStateReason("approved with a reduced budget");
        ukri.setPart(ukriPart());
        ukri.getReviews().add(review("BB/Y012345/1", "UKRI_1_6", "5"));
        ukri.setDecision(decision("BB/Y012345/1", FundingOutcome.APPROVED_PARTIAL, "600000.00", "GBP"));
        record.getTracks().add(ukri);
        message.setJointProposalRecord(record);
        return message;
    }

    public static CanonicalMessage rejectionNotice() {
        CanonicalMessage message = envelope(MessageKind.JOINT_OUTCOME_NOTICE, "JST", 4);
        message.setJointProposalId(JOINT_ID);
        JointOutcomeNotice notice = new JointOutcomeNotice();
        notice.setOutcome(JointStatus.REJECTED);
        notice.setDecidingAgency("NSF");
        notice.setReason("NSF declined its part: 不採択");
        notice.setRescopingRequired(false);
        notice.setDecidedAt(OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        message.setJointOutcomeNotice(notice);
        return message;
    }

    public static JointCall ukBioCall() {
        JointCall call = new JointCall();
        call.setCallId("ASPIRE-2026-UK-BIO");
        call.setProgramme("ASPIRE");
        call.setTitle("ASPIRE 日英バイオ共同公募 2026");
        call.setField(ResearchField.BIOTECHNOLOGY);
        call.setScheme(AspireScheme.UK_BIO);
        call.setDecisionMode(DecisionMode.JOINT_REVIEW);
        call.setLeadAgency("JST");
        call.getParticipants().add(participation("JST", true, false));
        call.getParticipants().add(participation("UKRI", true, false));
        Participation observer = participation("NRF", false, true);
        observer.setLocalProposalIdPattern("\\d{10}");
        call.getParticipants().add(observer);
        CallDeadlines deadlines = new CallDeadlines();
        deadlines.setSubmission(OffsetDateTime.of(2026, 6, 30, 12, 0, 0, 0, ZoneOffset.ofHours(9)));
        deadlines.setParallelSubmissionOpens(OffsetDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        deadlines.setParallelSubmissionCloses(OffsetDateTime.of(2026, 7, 7, 16, 0, 0, 0, ZoneOffset.ofHours(1)));
        deadlines.setReview(OffsetDateTime.of(2026, 10, 31, 23, 59, 59, 0, ZoneOffset.ofHours(9)));
        deadlines.setDecision(OffsetDateTime.of(2027, 1, 31, 23, 59, 59, 0, ZoneOffset.ofHours(9)));
        call.setDeadlines(deadlines);
        BudgetCap cap = new BudgetCap();
        cap.setAgency("JST");
        cap.setCurrency("JPY");
        cap.setMaxDirect(new BigDecimal("180000000"));
        cap.setMaxTotal(new BigDecimal("234000000"));
        call.getBudgetCaps().add(cap);
        return call;
    }

    public static Participation participation(String agency, boolean required, boolean selfFunded) {
        Participation participation = new Participation();
        participation.setAgency(agency);
        participation.setRequired(required);
        participation.setSelfFunded(selfFunded);
        return participation;
    }
}
