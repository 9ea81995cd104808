package org.jointcall.gateway.console.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.contracts.aspire.AspireApplication;
import org.jointcall.contracts.aspire.AspireCallRules;
import org.jointcall.contracts.aspire.PriorApplication;
import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.outcome.JointOutcome;
import org.jointcall.contracts.proposal.AgencyTrack;
import org.jointcall.contracts.proposal.JointProposal;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.ProposalPart;
import org.jointcall.contracts.validation.Finding;
import org.jointcall.gateway.call.CallRepository;
import org.jointcall.gateway.ledger.ProposalSubject;
import org.jointcall.gateway.proposal.ProposalRepository;
import org.jointcall.gateway.proposal.StoredProposal;

/**
 * Everything the proposal page shows: the joint outcome and which agency decided it, each track, the
 * timeline of every message in (ledger) and out (outbox, with its delivery attempts), the ASPIRE
 * rule-check report over the parts received, coordinators' annotations and the proposal's audit trail.
 */
@ApplicationScoped
public class ProposalDetail {

    /**
     * One agency's track. {@code decisionDeadline} is the one that applies to it (the call's, or a coordinator's
     * extension when {@code deadlineExtended}); null only when the call is no longer configured.
     */
    public record Track(String agency, String role, boolean required, String state, String localProposalId, String reason,
            OffsetDateTime updatedAt, OffsetDateTime decisionDeadline, boolean deadlineExtended) {
    }

    public record Attempt(OffsetDateTime at, int attempt, String outcome, Integer httpStatus, String error, int durationMs) {
    }

    public record Event(OffsetDateTime at, String direction, String agency, String kind, String messageId, String status,
            String signatureVerdict, Long ledgerId, Long outboxId, List<Attempt> attempts) {
    }

    public record RuleFinding(String rule, String severity, String message) {
    }

    public record Annotation(OffsetDateTime at, String author, String text) {
    }

    public record AuditLine(OffsetDateTime at, String actor, String action, String agency, String detail) {
    }

    public record Proposal(UUID jointId, String callId, String jointReference, String title, String jointState, String decidedBy,
            String reason, boolean rescopingRequired, String researchSecurity, List<Track> tracks, List<Event> timeline,
            List<RuleFinding> ruleCheck, List<Annotation> annotations, List<AuditLine> audit) {
    }

    private static final String INBOUND = """
            SELECT ledger_id, received_at, agency, kind, message_id, processing_state, local_proposal_id, title, canonical_xml
              FROM exchange_ledger WHERE call_id = ? AND joint_reference = ? ORDER BY received_at, ledger_id
            """;
    private static final String OUTBOUND = """
            SELECT outbox_id, created_at, recipient, kind, message_id, state, receipt_status, receipt_verdict IS NOT NULL
              FROM outbox_message WHERE joint_id = ? ORDER BY created_at, outbox_id
            """;
    private static final String ATTEMPTS = """
            SELECT a.outbox_id, a.started_at, a.attempt, a.outcome, a.http_status, a.error, a.duration_ms
              FROM delivery_attempt a JOIN outbox_message o ON o.outbox_id = a.outbox_id
             WHERE o.joint_id = ? ORDER BY a.outbox_id, a.attempt
            """;

    /**
     * The latest JST part of every other application whose PI or co-PIs include one of the researcher keys given (the
     * first parameter), with the day its first such part came. A refused part was never an application; a held one is.
     */
    private static final String OTHER_APPLICATIONS = """
            SELECT DISTINCT ON (call_id, joint_reference) call_id, joint_reference,
                   min(received_at) OVER (PARTITION BY call_id, joint_reference), canonical_xml
              FROM exchange_ledger
             WHERE lead_researchers && ? AND agency = 'JST' AND kind = 'PROPOSAL_PART' AND processing_state <> 'REFUSED'
               AND (call_id, joint_reference) IS DISTINCT FROM (?, ?)
             ORDER BY call_id, joint_reference, received_at DESC, ledger_id DESC
            """;
    /** ASPIRE's fiscal years are Japan's: a part that came on 31 March 16:00 UTC came on 1 April there. */
    private static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);

    private final CanonicalCodec codec = new CanonicalCodec();

    @Inject
    DataSource dataSource;

    @Inject
    ProposalRepository proposals;

    @Inject
    CallRepository calls;

    public Optional<Proposal> find(UUID jointId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<StoredProposal> stored = proposals.find(connection, jointId);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            JointProposal proposal = stored.get().proposal();
            Inbound inbound = inbound(connection, proposal);
            List<Event> timeline = new ArrayList<>(inbound.events);
            timeline.addAll(outbound(connection, jointId));
            timeline.sort(Comparator.comparing(Event::at));
            JointOutcome outcome = proposal.outcome();
            OffsetDateTime callDeadline = calls.find(connection, proposal.callId()).map(CallTerms::decisionDeadline).orElse(null);
            List<Track> tracks = proposal.tracks().values().stream().map(track -> track(track, inbound.localIds, callDeadline))
                    .toList();
            String title = inbound.parts.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(entry -> entry.getValue().getTitle()).filter(t -> t != null).findFirst().orElse(null);
            return Optional.of(new Proposal(jointId, proposal.callId(), proposal.jointReference(), title, outcome.status().value(),
                    outcome.decidingAgencyIfAny().map(AgencyId::code).orElse(null), outcome.reason(), outcome.rescopingRequired(),
                    proposal.researchSecurity().name(), tracks, timeline, ruleCheck(connection, proposal, inbound),
                    annotations(connection, jointId), audit(proposal)));
        }
    }

    /**
     * @param parts the latest part of each agency
     * @param submittedAt when the JST part first came, which fixes the fiscal year ASPIRE counts the application in
     *     (the first part of any agency while JST's has not come)
     */
    private record Inbound(List<Event> events, Map<String, String> localIds, Map<AgencyId, ProposalPart> parts,
            OffsetDateTime submittedAt) {
    }

    private Inbound inbound(Connection connection, JointProposal proposal) throws SQLException {
        List<Event> events = new ArrayList<>();
        Map<String, String> localIds = new HashMap<>();
        Map<AgencyId, ProposalPart> parts = new LinkedHashMap<>();
        OffsetDateTime firstPartAt = null;
        OffsetDateTime jstPartAt = null;
        try (PreparedStatement query = connection.prepareStatement(INBOUND)) {
            query.setString(1, proposal.callId());
            query.setString(2, proposal.jointReference());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    OffsetDateTime at = row.getObject(2, OffsetDateTime.class);
                    String agency = row.getString(3);
                    String kind = row.getString(4);
                    events.add(new Event(at, "IN", agency, kind, row.getString(5), row.getString(6), "VERIFIED",
                            row.getLong(1), null, List.of()));
                    if (row.getString(7) != null) {
                        localIds.put(agency, row.getString(7));
                    }
                    if ("PROPOSAL_PART".equals(kind)) {
                        CanonicalMessage message = codec.fromXml(row.getBytes(9));
                        parts.put(AgencyId.of(agency), message.getProposalPart());
                        firstPartAt = firstPartAt == null ? at : firstPartAt;
                        jstPartAt = jstPartAt == null && AgencyId.JST.code().equals(agency) ? at : jstPartAt;
                    }
                }
            }
        }
        return new Inbound(events, localIds, parts, jstPartAt != null ? jstPartAt : firstPartAt);
    }

    private static List<Event> outbound(Connection connection, UUID jointId) throws SQLException {
        Map<Long, List<Attempt>> attempts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(ATTEMPTS)) {
            query.setObject(1, jointId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    attempts.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new Attempt(row.getObject(2, OffsetDateTime.class),
                            row.getInt(3), row.getString(4), (Integer) row.getObject(5), row.getString(6), row.getInt(7)));
                }
            }
        }
        List<Event> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(OUTBOUND)) {
            query.setObject(1, jointId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long outboxId = row.getLong(1);
                    events.add(new Event(row.getObject(2, OffsetDateTime.class), "OUT", row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), receiptVerdict(row.getObject(7), row.getBoolean(8)), null, outboxId,
                            attempts.getOrDefault(outboxId, List.of())));
                }
            }
        }
        return events;
    }

    /** What is known of the partner's signed receipt of an outbound message. */
    public static String receiptVerdict(Object receiptStatus, boolean verified) {
        if (verified) {
            return "VERIFIED";
        }
        return receiptStatus == null ? "NONE" : "UNVERIFIED";
    }

    private static Track track(AgencyTrack track, Map<String, String> localIds, OffsetDateTime callDeadline) {
        return new Track(track.agency().code(), track.role().name(), track.required(), track.state().name(),
                localIds.get(track.agency().code()), track.stateReason().orElse(null), track.updatedAt().orElse(null),
                track.decisionDeadline(callDeadline), track.extendedDecisionDeadline().isPresent());
    }

    /** The ASPIRE intake checks over the parts received so far, against the researchers' other ASPIRE applications. */
    private List<RuleFinding> ruleCheck(Connection connection, JointProposal proposal, Inbound inbound) throws SQLException {
        Optional<CallTerms> call = calls.find(connection, proposal.callId());
        if (call.isEmpty() || inbound.parts.isEmpty()) {
            return List.of();
        }
        AspireApplication application = new AspireApplication(proposal.jointReference(), proposal.callId(),
                inbound.submittedAt.withOffsetSameInstant(JAPAN).toLocalDate(), inbound.parts);
        List<PriorApplication> others = call.get().scheme().isPresent()
                ? otherApplications(connection, application, call.get())
                : List.of();
        return AspireCallRules.check(call.get(), application, others).findings().stream()
                .map(ProposalDetail::finding).toList();
    }

    /** The other ASPIRE applications whose JST part shares a PI or co-PI with this one's, from any ASPIRE call. */
    private List<PriorApplication> otherApplications(Connection connection, AspireApplication application, CallTerms call)
            throws SQLException {
        Optional<ProposalPart> jst = application.part(AgencyId.JST);
        List<String> leads = jst.map(ProposalSubject::leadResearchers).orElse(List.of());
        if (leads.isEmpty()) {
            return List.of();
        }
        List<PriorApplication> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(OTHER_APPLICATIONS)) {
            query.setArray(1, connection.createArrayOf("text", leads.toArray()));
            query.setString(2, application.callId());
            query.setString(3, application.jointReference());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.add(new PriorApplication(row.getString(2), row.getString(1),
                            row.getObject(3, OffsetDateTime.class).withOffsetSameInstant(JAPAN).toLocalDate(),
                            codec.fromXml(row.getBytes(4)).getProposalPart()));
                }
            }
        }
        List<PriorApplication> aspire = new ArrayList<>();
        Map<String, Boolean> aspireCalls = new HashMap<>(Map.of(call.callId(), true)); // this application's call, read already
        for (PriorApplication other : found) {
            if (!aspireCalls.containsKey(other.callId())) {
                aspireCalls.put(other.callId(), calls.find(connection, other.callId()).flatMap(CallTerms::scheme).isPresent());
            }
            if (aspireCalls.get(other.callId())) {
                aspire.add(other);
            }
        }
        return aspire;
    }

    private static RuleFinding finding(Finding finding) {
        return new RuleFinding(finding.ruleId(), finding.severity().name(),
                finding.field() == null ? finding.message() : finding.field() + ": " + finding.message());
    }

    private static List<Annotation> annotations(Connection connection, UUID jointId) throws SQLException {
        List<Annotation> annotations = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT at, author, text FROM proposal_annotation WHERE joint_id = ? ORDER BY at, annotation_id")) {
            query.setObject(1, jointId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    annotations.add(new Annotation(row.getObject(1, OffsetDateTime.class), row.getString(2), row.getString(3)));
                }
            }
        }
        return annotations;
    }

    private static List<AuditLine> audit(JointProposal proposal) {
        return proposal.audit().stream().map(entry -> new AuditLine(entry.at(), entry.actor(), entry.action().name(),
                entry.agency() == null ? null : entry.agency().code(), entry.detail())).toList();
    }
}
