package dev.custflow.event;

import dev.custflow.model.OrderStatus;
import java.time.Instant;

/**
 * An order moved in fulfilment. {@code customerId} is optional: without it the engine finds the
 * customer from the order id (orders it remembers; see the engine's order index size).
 *
 * @param id         event id
 * @param at         when
 * @param orderId    the order
 * @param status     the new status
 * @param trackingNo shipment tracking number
 * @param customerId the customer, optional (recommended for hosts that partition by customer)
 */
public record OrderStatusChanged(String id, Instant at, String orderId, OrderStatus status, String trackingNo,
                                 String customerId) implements Event {

    /** Validates the contract: orderId and status are required. */
    public OrderStatusChanged {
        Check.envelope("OrderStatusChanged", id, at);
        Check.optionalId("OrderStatusChanged", "customerId", customerId);
        Check.id("OrderStatusChanged", "orderId", orderId);
        Check.required("OrderStatusChanged", "status", status);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
