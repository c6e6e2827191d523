package dev.custflow.internal.runtime;

/**
 * A rule that threw while running (a bug in the rule, not bad input).
 *
 * @param position   stream position of the event in the batch
 * @param cause      the event id or {@code due@...}
 * @param customerId the customer being evaluated
 * @param rule       the rule that failed
 * @param message    what it threw
 */
public record RuleFailure(int position, String cause, String customerId, String rule, String message) {
}
