package dev.custflow.event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A rep confirmed (or withdrew) parts of BANT qualification: budget, authority, need, timeline.
 * Fields left out keep their previous value.
 *
 * @param id         event id
 * @param at         when
 * @param customerId the prospect
 * @param budget     budget confirmed
 * @param authority  decision maker reached
 * @param need       need confirmed
 * @param timeline   timeline confirmed
 * @param amount     expected deal amount
 */
public record BantUpdated(String id, Instant at, String customerId, Boolean budget, Boolean authority, Boolean need,
                          Boolean timeline, BigDecimal amount) implements Event {

    /** Validates the contract: customerId is required; amount is not negative. */
    public BantUpdated {
        Check.envelope("BantUpdated", id, at);
        Check.id("BantUpdated", "customerId", customerId);
        Check.amount("BantUpdated", "amount", amount, null);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
