package dev.custflow.action;

import java.time.Instant;

/**
 * A lead's score or grade changed. JSON type {@code LEAD_SCORED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the lead
 * @param score total score
 * @param grade grade A-D
 * @param fit fit points (profile)
 * @param behaviour behaviour points (engagement, decayed)
 */
public record LeadScored(String id, Instant at, String rule, String reason, String customerId, int score, String grade, int fit, int behaviour) implements Action {

    @Override
    public String type() {
        return "LEAD_SCORED";
    }
}
