/**
 * Logs an operator can search by message: a correlation scope that puts the message's ids (partner
 * message id, ledger id, outbox id, agency) into the SLF4J MDC where a message is handled, and, with
 * {@code gateway.log.format=json}, one JSON object per line for the gateway's own loggers carrying
 * those ids as fields. Payara's own lines stay in its readable text format.
 */
package org.jointcall.gateway.logging;
