/**
 * The partner-facing inbound exchange, {@code POST /api/v1/exchange/{agency}/messages}: one Camel
 * route whose steps (agency, size, media type, signature, translation, acceptance into the ledger)
 * are small processors here, and the RFC 9457 problem responses every refusal is answered with.
 */
package org.jointcall.gateway.exchange;
