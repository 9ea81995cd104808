package org.jointcall.gateway.decision;

import jakarta.enterprise.context.ApplicationScoped;

import org.jointcall.gateway.persistence.CommitSignal;

/** Signalled when this instance has committed a new message to the ledger: the decision worker applies it at once. */
@ApplicationScoped
public class LedgerArrivals extends CommitSignal {
}
