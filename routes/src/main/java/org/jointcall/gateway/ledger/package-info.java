/**
 * The exchange ledger: every accepted partner message exactly as received, with its signature
 * evidence and the signed receipt that acknowledged it. The unique (agency, message id) key makes a
 * message count once however often and however concurrently it arrives.
 */
package org.jointcall.gateway.ledger;
