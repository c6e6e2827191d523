package dev.custflow.action;

import java.time.Instant;

/**
 * An order passed its promised date undelivered. JSON type {@code DELIVERY_LATE}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param orderId the order
 * @param customerId the customer
 * @param daysLate days past the promised date
 */
public record DeliveryLate(String id, Instant at, String rule, String reason, String orderId, String customerId, int daysLate) implements Action {

    @Override
    public String type() {
        return "DELIVERY_LATE";
    }
}
