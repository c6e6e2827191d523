package dev.custflow.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer placed an order. An order for a customer the engine has not seen creates the profile
 * (an ERP's existing customers are known by their first order).
 *
 * @param id            event id
 * @param at            when the order was placed
 * @param orderId       the order
 * @param customerId    the customer
 * @param amount        order total
 * @param currency      ISO currency, default CNY
 * @param lines         order lines (products)
 * @param promisedDate  the delivery date promised to the customer
 */
public record OrderPlaced(String id, Instant at, String orderId, String customerId, BigDecimal amount,
                          String currency, List<OrderLine> lines, LocalDate promisedDate) implements Event {

    /** Validates the contract: orderId, customerId and amount are required; amount is not negative. */
    public OrderPlaced {
        Check.envelope("OrderPlaced", id, at);
        Check.date("OrderPlaced", "promisedDate", promisedDate, false);
        Check.id("OrderPlaced", "orderId", orderId);
        Check.id("OrderPlaced", "customerId", customerId);
        Check.required("OrderPlaced", "amount", amount);
        Check.amount("OrderPlaced", "amount", amount,
                "Maybe the order was a refund: send OrderStatusChanged with status RETURNED instead.");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * @param id         event id
     * @param at         when
     * @param orderId    the order
     * @param customerId the customer
     * @param amount     order total
     * @return an order without lines, currency or promised date
     */
    public static OrderPlaced of(String id, Instant at, String orderId, String customerId, BigDecimal amount) {
        return new OrderPlaced(id, at, orderId, customerId, amount, null, null, null);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
