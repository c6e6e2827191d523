package dev.custflow.action;

import java.time.Instant;

/**
 * A tag was taken off a customer. JSON type {@code TAG_REMOVED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the customer
 * @param tag the tag
 * @param rfm the RFM scores when relevant, else null
 */
public record TagRemoved(String id, Instant at, String rule, String reason, String customerId, String tag, Rfm rfm) implements Action {

    @Override
    public String type() {
        return "TAG_REMOVED";
    }
}
