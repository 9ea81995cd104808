/**
 * The joint outcome of a proposal and the one rule that computes it from the agencies' tracks,
 * {@link org.jointcall.contracts.outcome.JointOutcomePolicy}: rejected by one required agency means
 * rejected overall.
 */
package org.jointcall.contracts.outcome;
