package dev.custflow.action;

import java.time.Instant;

/**
 * The warehouse should ship an order whose goods are ready. JSON type {@code SHIPMENT_REQUESTED}.
 *
 * @param id         stable action id
 * @param at         when the engine decided it
 * @param rule       the rule that decided it
 * @param reason     why
 * @param orderId    the order
 * @param customerId the customer
 */
public record ShipmentRequested(String id, Instant at, String rule, String reason, String orderId, String customerId)
        implements Action {

    @Override
    public String type() {
        return "SHIPMENT_REQUESTED";
    }
}
