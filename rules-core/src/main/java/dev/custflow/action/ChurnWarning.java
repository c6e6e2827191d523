package dev.custflow.action;

import dev.custflow.model.Level;

import java.time.Instant;

/**
 * A customer shows a sign of churning. JSON type {@code CHURN_WARNING}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the customer
 * @param cause the cause, e.g. NO_ORDER_LONG (the built-in causes are {@code dev.custflow.model.ChurnCause})
 * @param level LOW, MEDIUM or HIGH
 */
public record ChurnWarning(String id, Instant at, String rule, String reason, String customerId, String cause, Level level) implements Action {

    @Override
    public String type() {
        return "CHURN_WARNING";
    }
}
