/**
 * From the ledger to the joint outcome: a timer-driven worker claims each agency message the inbound
 * API stored, matches proposal parts into one joint proposal, applies the agency's report to its
 * track, lets the contracts' JointOutcomePolicy recompute the joint outcome, and writes the messages
 * every other agency must receive into the outbox in the same transaction. Joint calls are loaded here
 * from the configuration directory at startup.
 */
package org.jointcall.gateway.decision;
