package dev.custflow.internal.runtime;

import dev.custflow.text.PersonalData;

/**
 * A rule that threw while running (a bug in the rule, not bad input). It is logged and reported, so any phone
 * number or e-mail address in what the rule threw is masked ({@link PersonalData#scrub}).
 *
 * @param position   stream position of the event in the batch
 * @param cause      the event id or {@code due@...}
 * @param customerId the customer being evaluated
 * @param rule       the rule that failed
 * @param message    what it threw
 */
public record RuleFailure(int position, String cause, String customerId, String rule, String message) {
    /** Masks the personal data in the message. */
    public RuleFailure {
        message = PersonalData.scrub(message);
    }
}
