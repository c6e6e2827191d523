package dev.custflow.event;

import dev.custflow.EventRejectedException;
import dev.custflow.model.OrderStatus;
import java.time.Instant;
import java.util.List;

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
 * @param lines      with STOCK_SHORT, optional: the lines short of stock, each with the quantity missing (a line
 *                   without quantity counts 1); null when none are named (then the whole order's lines are
 *                   short), and always null for any other status
 */
public record OrderStatusChanged(String id, Instant at, String orderId, OrderStatus status, String trackingNo,
                                 String customerId, List<OrderLine> lines) implements Event {

    /** Validates the contract: orderId and status are required; lines only with STOCK_SHORT. */
    public OrderStatusChanged {
        Check.envelope("OrderStatusChanged", id, at);
        Check.optionalId("OrderStatusChanged", "customerId", customerId);
        Check.id("OrderStatusChanged", "orderId", orderId);
        Check.required("OrderStatusChanged", "status", status);
        if (lines != null && !lines.isEmpty() && status != OrderStatus.STOCK_SHORT) {
            throw EventRejectedException.ofField("OrderStatusChanged", "lines", lines.size() + " line(s)",
                    "only a STOCK_SHORT names lines (those short of stock); send " + status + " without them");
        }
        lines = lines == null || lines.isEmpty() ? null : List.copyOf(lines); // none: absent from the JSON too
    }

    /**
     * A status change that names no lines.
     *
     * @param id         event id
     * @param at         when
     * @param orderId    the order
     * @param status     the new status
     * @param trackingNo shipment tracking number, or null
     * @param customerId the customer, or null
     */
    public OrderStatusChanged(String id, Instant at, String orderId, OrderStatus status, String trackingNo,
                              String customerId) {
        this(id, at, orderId, status, trackingNo, customerId, null);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
