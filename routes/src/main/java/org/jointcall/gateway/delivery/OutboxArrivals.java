package org.jointcall.gateway.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.jointcall.gateway.persistence.CommitSignal;

/** Signalled when this instance has committed new outbox messages: the delivery worker claims them at once. */
@ApplicationScoped
public class OutboxArrivals extends CommitSignal {
}
