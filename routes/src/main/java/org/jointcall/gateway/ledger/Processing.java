package org.jointcall.gateway.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * How far the gateway has got with an accepted message, as its sender may ask: {@code RECEIVED} (in the ledger,
 * not applied yet), {@code APPLIED}, {@code HELD} (waiting, e.g. for the proposal part it refers to) or
 * {@code REFUSED} (it broke a rule only its proposal's state could show, such as a decision its track cannot take).
 */
public record Processing(long ledgerId, Instant receivedAt, String state, Optional<String> detail, Optional<Instant> processedAt) {
}
