package dev.custflow.action;

import java.time.Instant;

/**
 * A task for a rep (follow-up, birthday, renewal, revisit...). JSON type {@code TASK_CREATED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the customer
 * @param repId who should do it, or null when the customer has no owner
 * @param kind what kind of task
 * @param dueAt when it is due
 */
public record TaskCreated(String id, Instant at, String rule, String reason, String customerId, String repId, TaskKind kind, Instant dueAt) implements Action {

    @Override
    public String type() {
        return "TASK_CREATED";
    }
}
