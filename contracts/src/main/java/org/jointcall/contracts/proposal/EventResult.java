package org.jointcall.contracts.proposal;

/** What applying one agency report did. Only {@link #APPLIED} changes anything. */
public enum EventResult {
    /** The report was newer than anything applied before and is now the track's state. */
    APPLIED,
    /** The same report (same sequence, same state) was applied before. */
    DUPLICATE,
    /** A newer report of that agency was applied already; this older one is ignored. */
    STALE,
    /** Another report with the same sequence but a different state was applied already: the agency's systems disagree, reconciliation should look. */
    CONFLICTING,
    /** The agency is a self-funded partner: it has no track and no veto. */
    NO_TRACK
}
