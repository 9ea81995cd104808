package org.jointcall.gateway.decision;

import java.util.Objects;

/**
 * One agency message from the exchange ledger as the decision worker sees it: where it is in the
 * ledger, who sent it, and the canonical XML the inbound adapter produced from the received bytes.
 */
public record LedgerEntry(long ledgerId, String agency, byte[] canonicalXml) {

    public LedgerEntry {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(canonicalXml, "canonicalXml");
    }
}
