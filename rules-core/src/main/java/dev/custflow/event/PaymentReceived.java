package dev.custflow.event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money was received for an order.
 *
 * @param id         event id
 * @param at         when
 * @param orderId    the order
 * @param amount     how much
 * @param customerId the customer, optional (found from the order otherwise)
 */
public record PaymentReceived(String id, Instant at, String orderId, BigDecimal amount, String customerId)
        implements Event {

    /** Validates the contract: orderId and amount are required; amount is not negative. */
    public PaymentReceived {
        Check.envelope("PaymentReceived", id, at);
        Check.optionalId("PaymentReceived", "customerId", customerId);
        Check.id("PaymentReceived", "orderId", orderId);
        Check.required("PaymentReceived", "amount", amount);
        Check.amount("PaymentReceived", "amount", amount, "A refund is an OrderStatusChanged RETURNED.");
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
