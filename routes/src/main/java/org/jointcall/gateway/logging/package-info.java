/**
 * Logs an operator can search by message: a correlation scope that puts the message's ids (partner
 * message id, ledger id, outbox id, agency) into the SLF4J MDC where a message is handled, and one
 * line per record for the gateway's own loggers carrying those ids (readable text, or JSON with
 * {@code gateway.log.format=json}), written off the request threads. Payara's own lines stay in its
 * format.
 */
package org.jointcall.gateway.logging;
