package org.jointcall.gateway.reconciliation;

/** What kind of difference between an agency's view and the gateway's a discrepancy records. */
public enum DiscrepancyKind {
    /** The agency reports its part of the proposal in another state than the gateway's track. */
    STATE_MISMATCH,
    /** The agency answers that it does not know the proposal the gateway holds a track of. */
    UNKNOWN_AT_PARTNER,
    /** A pull agency has left messages in its inbox unacknowledged for longer than the threshold. */
    UNACKNOWLEDGED
}
