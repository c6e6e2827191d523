package dev.custflow.event;

import dev.custflow.model.Outcome;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An opportunity was won or lost.
 *
 * @param id            event id
 * @param at            when
 * @param customerId    the customer
 * @param opportunityId the opportunity
 * @param outcome       WON or LOST
 * @param amount        the deal amount
 * @param reason        why (for LOST especially)
 */
public record OpportunityClosed(String id, Instant at, String customerId, String opportunityId, Outcome outcome,
                                BigDecimal amount, String reason) implements Event {

    /** Validates the contract: customerId, opportunityId and outcome are required. */
    public OpportunityClosed {
        Check.envelope("OpportunityClosed", id, at);
        Check.id("OpportunityClosed", "customerId", customerId);
        Check.id("OpportunityClosed", "opportunityId", opportunityId);
        Check.required("OpportunityClosed", "outcome", outcome);
        Check.amount("OpportunityClosed", "amount", amount, null);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
