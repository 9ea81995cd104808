/**
 * Reconciliation: a timer asks every push agency for the state of the open tracks it holds and
 * compares the answer with the gateway's track; for pull agencies it looks for messages offered but
 * not acknowledged for too long. What differs becomes a {@link org.jointcall.gateway.reconciliation.Discrepancy}
 * for coordinators (and an alert), kept once while it lasts and closed when it goes away.
 */
package org.jointcall.gateway.reconciliation;
