package org.jointcall.bench.load;

import org.jointcall.contracts.v1.FundingOutcome;

/**
 * One message a partner agency will send: its sample kind ({@code proposal}, {@code review}, {@code decision}),
 * the joint proposal it is about, its own message id, and for a decision the outcome.
 */
public record Planned(String agency, String kind, String reference, String messageId, FundingOutcome outcome) {
}
