package dev.custflow.spi;

import java.time.Instant;

/**
 * One line of the audit trail: what happened to an action the rules decided, and why.
 *
 * @param at         the engine's clock when it happened
 * @param actionId   the action's stable id
 * @param actionType the action's JSON type, e.g. STAGE_CHANGED
 * @param customerId the customer
 * @param rule       the rule that decided the action
 * @param reason     the rule's reason
 * @param cause      what woke the rule: the event id, or {@code due@<instant>} for a time rule
 * @param outcome    what the engine did with it
 * @param note       why, for anything but EMITTED (e.g. "same action id already emitted")
 * @param until      for DEFERRED: when it will be released; otherwise null
 */
public record AuditEntry(Instant at, String actionId, String actionType, String customerId, String rule,
                         String reason, String cause, Outcome outcome, String note, Instant until) {

    /** What the engine did with an action. */
    public enum Outcome {
        /** Delivered to the sink and returned to the caller. */
        EMITTED,
        /** Dropped: an action with the same stable id was already emitted. */
        DUPLICATE,
        /** Dropped by the policy gate (opt-out, frequency cap). */
        SUPPRESSED,
        /** Held by the policy gate (quiet hours) until {@code until}. */
        DEFERRED
    }
}
