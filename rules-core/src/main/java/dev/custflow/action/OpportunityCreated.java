package dev.custflow.action;

import java.time.Instant;

/**
 * A qualified prospect became an opportunity. JSON type {@code OPPORTUNITY_CREATED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the customer
 * @param opportunityId the new opportunity
 */
public record OpportunityCreated(String id, Instant at, String rule, String reason, String customerId, String opportunityId) implements Action {

    @Override
    public String type() {
        return "OPPORTUNITY_CREATED";
    }
}
