package org.jointcall.adapters.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a message that mean the same in every agency's format, where only the native names (and
 * how instants are spelt) differ: the envelope every message carries, the partners' shared reviews and
 * decisions inside a joint proposal record and the joint outcome notice the gateway sends. Declaring them once keeps the canonical side of these mappings identical for all agencies.
 */
public final class CommonFields {

    private static final String[] ENVELOPE = {"/messageId", "/sender", "/sentAt", "/callId", "/jointReference", "/jointProposalId", "/agencySequence"};
    private static final String[] TRACK_DECISION = {"/localProposalId", "/outcome", "/amount/value", "/amount/currency", "/decidedAt"};
    private static final String[] SHARED_REVIEW = {"/localProposalId", "/reviewerType", "/nativeScale", "/nativeScore",
        "/normalisedBand", "/recommendation", "/comments", "/shareable", "/reviewedAt"};
    private static final String[] NOTICE = {"/outcome", "/decidingAgency", "/reason", "/rescopingRequired", "/decidedAt"};

    private CommonFields() {
    }

    /**
     * The envelope: native paths of message id, sender, sent at, call id, joint reference, joint proposal
     * id and agency sequence, in that order.
     */
    public static List<Binding> envelope(Bindings b, ValueCodec instants, String... nativePaths) {
        return bind(b, ENVELOPE, nativePaths, Codecs.text(), Codecs.text(), instants, Codecs.text(), Codecs.text(), Codecs.text(), Codecs.integer());
    }

    /**
     * The joint outcome notice: native paths of outcome, deciding agency, reason, rescoping required and
     * decided at, in that order.
     */
    public static List<Binding> outcomeNotice(Bindings b, ValueCodec jointStatus, ValueCodec instants, String... nativePaths) {
        return bind(b, NOTICE, nativePaths, jointStatus, Codecs.text(), Codecs.text(), Codecs.bool(), instants);
    }

    /**
     * A partner's decision inside a joint proposal record, in canonical codes (it may come from any agency):
     * native paths of local proposal id, outcome, amount, currency and decided at, in that order.
     */
    public static List<Binding> trackDecision(Bindings b, ValueCodec instants, String... nativePaths) {
        return bind(b, TRACK_DECISION, nativePaths, Codecs.text(), Codecs.text(), Codecs.decimal(), Codecs.text(), instants);
    }

    /**
     * A review a partner agency marked shareable, inside a joint proposal record: its scale and score stay
     * verbatim next to the normalised band, in canonical codes, and it never names the reviewer. Native
     * paths of local proposal id, reviewer type, scale, score, band, recommendation, comments, shareable and
     * reviewed at, in that order.
     */
    public static List<Binding> sharedReview(Bindings b, ValueCodec instants, String... nativePaths) {
        return bind(b, SHARED_REVIEW, nativePaths, Codecs.text(), Codecs.text(), Codecs.text(), Codecs.text(), Codecs.text(),
                Codecs.text(), Codecs.text(), Codecs.bool(), instants);
    }

    private static List<Binding> bind(Bindings b, String[] pointers, String[] nativePaths, ValueCodec... codecs) {
        if (nativePaths.length != pointers.length) {
            throw new IllegalArgumentException("expected native paths for " + String.join(", ", pointers) + ", got " + nativePaths.length);
        }
        List<Binding> bindings = new ArrayList<>();
        for (int i = 0; i < pointers.length; i++) {
            bindings.add(b.field(nativePaths[i], pointers[i], codecs[i]));
        }
        return List.copyOf(bindings);
    }
}
