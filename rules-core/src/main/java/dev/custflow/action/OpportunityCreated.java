package dev.custflow.action;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A qualified lead became an opportunity, in one step, carrying what the lead phase learned about it.
 * JSON type {@code OPPORTUNITY_CREATED}.
 *
 * @param id            stable action id
 * @param at            when the engine decided it
 * @param rule          the rule that decided it
 * @param reason        why, in words a sales manager understands
 * @param customerId    the customer
 * @param opportunityId the new opportunity: {@code OPP-<customerId>-<n>}, n counting the customer's opportunities
 * @param ownerId       the rep who owns the customer, or null
 * @param channel       the channel the lead came from
 * @param amount        the budget confirmed with BANT, or null when none was given
 * @param score         the lead score at conversion
 * @param leadSince     when the lead was captured
 * @param interactions  the interactions logged with the lead so far (calls, visits, e-mails, page views...)
 */
public record OpportunityCreated(String id, Instant at, String rule, String reason, String customerId,
                                 String opportunityId, String ownerId, String channel, BigDecimal amount, int score,
                                 Instant leadSince, int interactions) implements Action {

    @Override
    public String type() {
        return "OPPORTUNITY_CREATED";
    }
}
