package dev.custflow.action;

import dev.custflow.model.Stage;
import java.time.Instant;

/**
 * A customer moved from one lifecycle stage to another (kept in its stage history). JSON type {@code STAGE_CHANGED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the customer
 * @param from the stage before, or null for a new profile
 * @param to the stage after
 */
public record StageChanged(String id, Instant at, String rule, String reason, String customerId, Stage from, Stage to) implements Action {

    @Override
    public String type() {
        return "STAGE_CHANGED";
    }
}
