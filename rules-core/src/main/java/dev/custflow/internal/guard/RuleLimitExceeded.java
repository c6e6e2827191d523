package dev.custflow.internal.guard;

/**
 * Thrown into a user rule that ran past its time budget or asked for more memory than a rule may have. An
 * {@link Error}, so rule code cannot catch it with {@code catch (Exception e)}; the sandbox refuses handlers of
 * {@code Throwable} and {@code Error} in rule code. The engine contains it like any failure of the rule.
 */
public final class RuleLimitExceeded extends Error {
    private static final long serialVersionUID = 1L;

    RuleLimitExceeded(String message) {
        super(message, null, false, false); // no stack trace: it is reported by rule, customer and event
    }
}
