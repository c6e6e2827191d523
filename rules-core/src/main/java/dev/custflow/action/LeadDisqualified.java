package dev.custflow.action;

import java.time.Instant;

/**
 * A lead was disqualified, with its cause. JSON type {@code LEAD_DISQUALIFIED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the lead
 * @param cause why, e.g. NO_CONTACT
 */
public record LeadDisqualified(String id, Instant at, String rule, String reason, String customerId, String cause) implements Action {

    @Override
    public String type() {
        return "LEAD_DISQUALIFIED";
    }
}
