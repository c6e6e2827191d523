package dev.custflow.action;

import java.time.Instant;

/**
 * Production should make what an order lacks in stock. JSON type {@code PRODUCTION_REQUESTED}.
 *
 * @param id         stable action id
 * @param at         when the engine decided it
 * @param rule       the rule that decided it
 * @param reason     why
 * @param orderId    the order
 * @param customerId the customer
 */
public record ProductionRequested(String id, Instant at, String rule, String reason, String orderId, String customerId)
        implements Action {

    @Override
    public String type() {
        return "PRODUCTION_REQUESTED";
    }
}
