package org.jointcall.gateway.decision;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.binding.ValidatedMessage;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.proposal.AgencyTrack;
import org.jointcall.contracts.proposal.JointProposal;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.JointProposalRecord;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.contracts.v1.TrackRecord;
import org.jointcall.contracts.v1.TrackRole;
import org.jointcall.contracts.outcome.JointOutcome;
import org.jointcall.gateway.delivery.MessageCause;
import org.jointcall.gateway.delivery.OutboundMessage;

/**
 * Decides who must be told what after one agency's report changed a joint proposal. A new proposal
 * part sends the consolidated joint proposal record to every participating agency; a shareable review
 * result and every funding decision send it to the other agencies, since the record is where each
 * agency's format carries its partners' reviews and decisions (a partner's own decision format only
 * knows that partner's proposal ids); a changed joint outcome goes to all of them. Reviews carry no
 * reviewer identity (the canonical model has no place for one) and unshareable reviews are never sent.
 */
final class FanOut {

    private static final Set<String> RECORD_SOURCES =
            Set.of(MessageKind.PROPOSAL_PART.name(), MessageKind.REVIEW_RESULT.name(), MessageKind.FUNDING_DECISION.name());

    private final CanonicalCodec codec;
    private final DecisionLedger ledger;
    private final Clock clock;

    FanOut(CanonicalCodec codec, DecisionLedger ledger, Clock clock) {
        this.codec = codec;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * The messages {@code change} causes. Call after the cause is settled APPLIED in this transaction,
     * so that the record includes it.
     *
     * @param cause the ledger message and the proposal version it produced (the sequence of the gateway's own messages)
     * @param applied the cause's message as read from its ledger row, with the row's canonical XML
     */
    List<OutboundMessage> messages(Connection connection, MessageCause cause, ValidatedMessage applied, CallTerms call,
            JointProposal proposal, JointProposal.Change change) throws SQLException {
        CanonicalMessage message = applied.message();
        List<OutboundMessage> out = new ArrayList<>();
        String sender = message.getSender();
        boolean shared = switch (message.getKind()) {
            case PROPOSAL_PART, FUNDING_DECISION -> true;
            case REVIEW_RESULT -> Boolean.TRUE.equals(message.getReviewResult().isShareable());
            default -> throw new IllegalArgumentException(message.getKind() + " messages come from the gateway, not from " + sender);
        };
        if (shared) {
            JointProposalRecord record = record(connection, proposal, applied);
            Map<AgencyId, CanonicalMessage> envelopes = new LinkedHashMap<>();
            for (AgencyId recipient : call.participants().keySet()) {
                if (message.getKind() != MessageKind.PROPOSAL_PART && recipient.code().equals(sender)) {
                    continue;
                }
                CanonicalMessage envelope = fromGateway(cause, recipient, MessageKind.JOINT_PROPOSAL_RECORD, sender, proposal);
                envelope.setJointProposalRecord(record);
                envelopes.put(recipient, envelope);
            }
            outbound(cause, envelopes, out);
        }
        if (change.outcomeChanged()) {
            notices(cause, call, sender, proposal, change.after(), out);
        }
        return out;
    }

    /**
     * The messages the deadline sweep's {@code changes} cause: the record to every participating agency
     * (a track lapsed or a part is missing), and the notice to all if the joint outcome changed. The
     * gateway's own messages name as sender the agency of the first track the sweep changed.
     */
    List<OutboundMessage> sweepMessages(Connection connection, MessageCause cause, CallTerms call, JointProposal proposal,
            List<JointProposal.Change> changes) throws SQLException {
        List<OutboundMessage> out = new ArrayList<>();
        String sender = changes.get(0).track().agency().code();
        JointProposalRecord record = record(connection, proposal, null);
        Map<AgencyId, CanonicalMessage> envelopes = new LinkedHashMap<>();
        for (AgencyId recipient : call.participants().keySet()) {
            CanonicalMessage envelope = fromGateway(cause, recipient, MessageKind.JOINT_PROPOSAL_RECORD, sender, proposal);
            envelope.setJointProposalRecord(record);
            envelopes.put(recipient, envelope);
        }
        outbound(cause, envelopes, out);
        JointOutcome before = changes.get(0).before();
        JointOutcome after = changes.get(changes.size() - 1).after();
        if (!before.equals(after)) {
            notices(cause, call, sender, proposal, after, out);
        }
        return out;
    }

    private void notices(MessageCause cause, CallTerms call, String sender, JointProposal proposal, JointOutcome outcome,
            List<OutboundMessage> out) {
        OffsetDateTime decidedAt = OffsetDateTime.now(clock);
        Map<AgencyId, CanonicalMessage> envelopes = new LinkedHashMap<>();
        for (AgencyId recipient : call.participants().keySet()) {
            CanonicalMessage envelope = fromGateway(cause, recipient, MessageKind.JOINT_OUTCOME_NOTICE, sender, proposal);
            envelope.setJointOutcomeNotice(outcome.toNotice(decidedAt));
            envelopes.put(recipient, envelope);
        }
        outbound(cause, envelopes, out);
    }

    private CanonicalMessage fromGateway(MessageCause cause, AgencyId recipient, MessageKind kind, String sender, JointProposal proposal) {
        CanonicalMessage envelope = new CanonicalMessage();
        envelope.setMessageId(cause.messageId(kind, recipient.code()));
        envelope.setKind(kind);
        envelope.setSender(sender);
        envelope.setSentAt(OffsetDateTime.now(clock));
        envelope.setCallId(proposal.callId());
        envelope.setJointReference(proposal.jointReference());
        envelope.setJointProposalId(proposal.id().toString());
        envelope.setAgencySequence(cause.version());
        return envelope;
    }

    /**
     * Writes each recipient's envelope. They differ only in message id and time around one body, so the codec checks
     * the body once for all of them, not once per recipient (see {@link CanonicalCodec#toXmlEach}).
     */
    private void outbound(MessageCause cause, Map<AgencyId, CanonicalMessage> envelopes, List<OutboundMessage> out) {
        List<byte[]> written = codec.toXmlEach(List.copyOf(envelopes.values()));
        int i = 0;
        for (Map.Entry<AgencyId, CanonicalMessage> envelope : envelopes.entrySet()) {
            out.add(new OutboundMessage(envelope.getKey().code(), envelope.getValue().getKind(), cause, written.get(i++)));
        }
    }

    /**
     * The consolidated record: every track as the domain holds it, with the agency's latest part (highest
     * sequence), its shareable reviews and its latest decision from the applied ledger messages. They passed the
     * decision step's validated read when they were applied, so they are read back as stored XML, not validated
     * again for every later message of the proposal.
     *
     * @param known a message among them that has been read already (its row is not read again), or null
     */
    private JointProposalRecord record(Connection connection, JointProposal proposal, ValidatedMessage known) throws SQLException {
        Map<String, CanonicalMessage> parts = new HashMap<>();
        Map<String, CanonicalMessage> decisions = new HashMap<>();
        Map<String, List<CanonicalMessage>> reviews = new HashMap<>();
        for (byte[] xml : ledger.applied(connection, proposal.callId(), proposal.jointReference(), RECORD_SOURCES)) {
            CanonicalMessage applied = known != null && Arrays.equals(xml, known.xml()) ? known.message() : codec.fromStoredXml(xml);
            switch (applied.getKind()) {
                case PROPOSAL_PART -> parts.merge(applied.getSender(), applied, FanOut::later);
                case FUNDING_DECISION -> decisions.merge(applied.getSender(), applied, FanOut::later);
                case REVIEW_RESULT -> {
                    if (Boolean.TRUE.equals(applied.getReviewResult().isShareable())) {
                        reviews.computeIfAbsent(applied.getSender(), s -> new ArrayList<>()).add(applied);
                    }
                }
                default -> throw new IllegalStateException("ledger kind filter let " + applied.getKind() + " through");
            }
        }
        JointProposalRecord record = new JointProposalRecord();
        record.setStatus(proposal.outcome().status());
        record.setRescopingRequired(proposal.outcome().rescopingRequired());
        for (AgencyTrack track : proposal.tracks().values()) {
            String agency = track.agency().code();
            TrackRecord trackRecord = track.toTrackRecord();
            if (parts.containsKey(agency)) {
                trackRecord.setPart(parts.get(agency).getProposalPart());
                if (record.getTitle() == null || trackRecord.getRole() == TrackRole.LEAD) {
                    record.setTitle(trackRecord.getPart().getTitle());
                }
            }
            reviews.getOrDefault(agency, List.of()).forEach(review -> trackRecord.getReviews().add(review.getReviewResult()));
            if (decisions.containsKey(agency)) {
                trackRecord.setDecision(decisions.get(agency).getFundingDecision());
            }
            record.getTracks().add(trackRecord);
        }
        return record;
    }

    private static CanonicalMessage later(CanonicalMessage one, CanonicalMessage other) {
        return other.getAgencySequence() > one.getAgencySequence() ? other : one;
    }
}
