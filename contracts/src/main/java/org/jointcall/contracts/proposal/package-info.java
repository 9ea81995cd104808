/**
 * The joint proposal aggregate and each agency's track through its own review and decision:
 * the track state machine ({@link org.jointcall.contracts.proposal.TrackLifecycle}), agencies'
 * reports ({@link org.jointcall.contracts.proposal.TrackEvent}) ordered by their own sequence
 * numbers, and the coordinator's audited interventions.
 */
package org.jointcall.contracts.proposal;
