package org.jointcall.gateway.ledger;

/**
 * What the ledger already holds for an (agency, message id): enough to tell an exact repeat (same
 * digest, answer the stored receipt) from a conflicting reuse of the id.
 */
public record StoredMessage(long ledgerId, String bodyDigest, Receipt receipt) {
}
