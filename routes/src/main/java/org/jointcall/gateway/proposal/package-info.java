/**
 * Joint proposals in PostgreSQL: the repository that stores and reloads the contracts' JointProposal
 * aggregate with its agency tracks and audit trail, under optimistic locking so that several gateway
 * instances can apply agencies' reports to the same proposal without losing an update.
 */
package org.jointcall.gateway.proposal;
