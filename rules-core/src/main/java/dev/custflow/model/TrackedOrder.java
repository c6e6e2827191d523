package dev.custflow.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order as a host reads it on a {@link CustomerProfile}: where it stands in fulfilment and every status it
 * reached, with when (the status timeline). A read-only copy of the engine's {@link OpenOrder}.
 *
 * @param orderId      the order id
 * @param status       the current status
 * @param amount       the order total (what it fed the customer's totals, unless cancelled or returned)
 * @param paid         what has been paid so far
 * @param promisedDate the promised delivery date, or null
 * @param trackingNo   the shipment tracking number, or null
 * @param timeline     every status reached, oldest first, starting with PLACED
 */
public record TrackedOrder(String orderId, OrderStatus status, BigDecimal amount, BigDecimal paid,
                           LocalDate promisedDate, String trackingNo, List<OrderStep> timeline) {

    /** Copies the timeline. */
    public TrackedOrder {
        timeline = List.copyOf(timeline);
    }

    /**
     * @param o an order the engine tracks
     * @return a read-only copy of it
     */
    public static TrackedOrder of(OpenOrder o) {
        return new TrackedOrder(o.getOrderId(), o.getStatus(), o.getAmount(), o.getPaid(), o.getPromisedDate(),
                o.getTrackingNo(), o.getTimeline());
    }
}
