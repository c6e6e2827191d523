package dev.custflow.action;

import java.time.Instant;

/**
 * The cause of an open churn warning went away (the customer ordered again, the complaints left the
 * window...), so the warning is closed; the same cause may warn again later. JSON type
 * {@code CHURN_CLEARED}.
 *
 * @param id         stable action id
 * @param at         when the engine decided it
 * @param rule       the rule that decided it
 * @param reason     why, in words a sales manager understands
 * @param customerId the customer
 * @param cause      the cause of the warning that is closed, e.g. NO_ORDER
 */
public record ChurnCleared(String id, Instant at, String rule, String reason, String customerId, String cause)
        implements Action {

    @Override
    public String type() {
        return "CHURN_CLEARED";
    }
}
