/**
 * The transactional outbox and everything that empties it: push delivery to each agency's endpoint
 * (translated by the agency's adapter, signed, its signed receipt verified and kept as evidence) with
 * backoff, a circuit breaker per partner shared through PostgreSQL and dead letters; the pull inbox
 * for agencies without an endpoint; and the resend of a message by an operator.
 */
package org.jointcall.gateway.delivery;
