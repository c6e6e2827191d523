package dev.custflow.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An order still moving through fulfilment. It leaves the profile once delivered, cancelled or
 * returned (its amount and date stay in the order history), or when it has not moved for the
 * tracking period. Rules read it; only the engine's subclass changes its status and payments.
 */
public abstract class OpenOrder {
    protected final String orderId;
    protected final long placedAt;
    protected final long amountCents;
    protected final int promisedDay;
    protected OrderStatus status = OrderStatus.PLACED;
    protected long statusAt;
    protected long paidCents;
    protected String trackingNo;

    /**
     * Only the engine creates open orders.
     *
     * @param orderId     the order id
     * @param placedAt    when it was placed, epoch millis
     * @param amountCents the order total in cents
     * @param promisedDay the promised delivery date as an epoch day, or {@code Integer.MIN_VALUE}
     */
    protected OpenOrder(String orderId, long placedAt, long amountCents, int promisedDay) {
        this.orderId = orderId;
        this.placedAt = placedAt;
        this.statusAt = placedAt;
        this.amountCents = amountCents;
        this.promisedDay = promisedDay;
    }

    /** @return the order id */
    public String getOrderId() {
        return orderId;
    }

    /** @return when it was placed */
    public Instant getPlacedAt() {
        return Instant.ofEpochMilli(placedAt);
    }

    /** @return the order total */
    public BigDecimal getAmount() {
        return Money.of(amountCents);
    }

    /** @return what has been paid so far */
    public BigDecimal getPaid() {
        return Money.of(paidCents);
    }

    /** @return true once payments cover the total */
    public boolean isPaidInFull() {
        return paidCents >= amountCents;
    }

    /** @return the promised delivery date, or null */
    public LocalDate getPromisedDate() {
        return promisedDay == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(promisedDay);
    }

    /** @return the current fulfilment status */
    public OrderStatus getStatus() {
        return status;
    }

    /** @return when the status last changed */
    public Instant getStatusAt() {
        return Instant.ofEpochMilli(statusAt);
    }

    /** @return the shipment tracking number, or null */
    public String getTrackingNo() {
        return trackingNo;
    }
}
