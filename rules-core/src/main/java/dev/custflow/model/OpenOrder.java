package dev.custflow.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * An order the engine tracks: in fulfilment ({@link Customer#getOpenOrders()}), or delivered, cancelled or returned
 * within the tracking period ({@link Customer#getTrackedOrders()}), with its lines, its status timeline, its
 * payments and what the fulfilment pack did for it. It leaves the profile when it has not moved for the tracking
 * period (its amount and date stay in the order history unless it was cancelled or returned). Rules read it; only
 * the engine's subclass changes it.
 */
public abstract class OpenOrder {
    private static final int STEP_TIME_BITS = 49;

    protected final String orderId;
    protected final long placedAt;
    protected final long amountCents;
    protected final int promisedDay;
    protected OrderStatus status = OrderStatus.PLACED;
    /** The order's lines, or null. */
    protected OrderItem[] items;
    /**
     * What happens to an order after it was placed (status times, payments, tracking, invoice, notices), allocated
     * when the first of these comes: a profile's orders are mostly waiting for their next status, and each field here
     * would cost every open order.
     */
    protected Progress progress;

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
        this.amountCents = amountCents;
        this.promisedDay = promisedDay;
    }

    /** @return how many steps the timeline has */
    protected final int steps() {
        return progress == null || progress.steps == null ? 1 : progress.steps.length;
    }

    /** @return the status ordinal of the {@code i}-th step */
    protected final int stepStatus(int i) {
        return progress == null || progress.steps == null ? OrderStatus.PLACED.ordinal()
                : (int) (progress.steps[i] >>> STEP_TIME_BITS);
    }

    /** @return when the {@code i}-th step was reached, epoch millis */
    protected final long stepAt(int i) {
        return progress == null || progress.steps == null ? placedAt
                : progress.steps[i] << Long.SIZE - STEP_TIME_BITS >> Long.SIZE - STEP_TIME_BITS;
    }

    /**
     * @param status a status ordinal
     * @param at     when, epoch millis (every instant an event may carry, years 1900 to 9999, fits)
     * @return an entry of {@link Progress#steps}
     */
    protected static long step(int status, long at) {
        return (long) status << STEP_TIME_BITS | at & (1L << STEP_TIME_BITS) - 1;
    }

    /** @return when the status last changed, epoch millis */
    protected final long statusAtMillis() {
        return progress == null ? placedAt : progress.statusAt;
    }

    /** @return what has been paid so far, cents */
    protected final long paidCents() {
        return progress == null ? 0 : progress.paidCents;
    }

    /** @return when the invoice was requested, epoch millis, or {@link Times#NEVER} */
    protected final long invoicedMillis() {
        return progress == null ? Times.NEVER : progress.invoicedAt;
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
        return Money.of(paidCents());
    }

    /** @return true once payments cover the total */
    public boolean isPaidInFull() {
        return paidCents() >= amountCents;
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
        return Instant.ofEpochMilli(statusAtMillis());
    }

    /** @return the shipment tracking number, or null */
    public String getTrackingNo() {
        return progress == null ? null : progress.trackingNo;
    }

    /** @return what is still to be paid: the total less payments, never below zero */
    public BigDecimal getOutstanding() {
        return Money.of(Math.max(0, amountCents - paidCents()));
    }

    /** @return the order's lines (sku and quantity), empty when the order named none */
    public List<OrderItem> getLines() {
        return items == null ? List.of() : List.of(items);
    }

    /** @return every status the order reached, oldest first, starting with PLACED */
    public List<OrderStep> getTimeline() {
        OrderStep[] steps = new OrderStep[steps()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new OrderStep(OrderStatus.values()[stepStatus(i)], Instant.ofEpochMilli(stepAt(i)));
        }
        return List.of(steps);
    }

    /**
     * @param s a status
     * @return when the order first reached it, or null
     */
    public Instant reachedAt(OrderStatus s) {
        for (int i = 0, n = steps(); i < n; i++) {
            if (stepStatus(i) == s.ordinal()) {
                return Instant.ofEpochMilli(stepAt(i));
            }
        }
        return null;
    }

    /** @return true once an invoice was requested for it (INVOICE_REQUESTED). */
    public boolean isInvoiced() {
        return invoicedMillis() != Times.NEVER;
    }

    /** @return when the invoice was requested, or null */
    public Instant getInvoicedAt() {
        return Times.instant(invoicedMillis());
    }

    /**
     * @param termsDays the payment terms in days
     * @param zone      the business's time zone
     * @return the last day to pay: the invoice date plus the terms, or null before an invoice
     */
    public LocalDate paymentDueDate(int termsDays, ZoneId zone) {
        long invoicedAt = invoicedMillis();
        return invoicedAt == Times.NEVER ? null
                : Instant.ofEpochMilli(invoicedAt).atZone(zone).toLocalDate().plusDays(termsDays);
    }

    /** @return true once the order was cancelled or returned: its amount no longer counts as bought. */
    public boolean isReversed() {
        return status == OrderStatus.CANCELLED || status == OrderStatus.RETURNED;
    }

    /** @return the days late the last DELIVERY_LATE reported, 0 before any */
    public int getLateNoticeDays() {
        return progress == null ? 0 : progress.lateNoticeDays;
    }

    /** @return the days overdue the last payment reminder reported, 0 before any */
    public int getOverdueNoticeDays() {
        return progress == null ? 0 : progress.overdueNoticeDays;
    }

    /** See {@link #progress}. Written by the engine only. */
    protected static final class Progress {
        /** When the status last changed, epoch millis. */
        public long statusAt;
        public long paidCents;
        public String trackingNo;
        /**
         * The status timeline: each step's status ordinal in the top bits and when, epoch millis, in the low 49 (see
         * {@link #step}); the first step is PLACED. Null while the order has that step only. One array rather than
         * one for the statuses and one for the times: each array costs its header.
         */
        public long[] steps;
        public long invoicedAt = Times.NEVER;
        public int lateNoticeDays;
        public int overdueNoticeDays;

        /**
         * Allocated by the engine when an order first needs one of these fields.
         *
         * @param statusAt when the status last changed, epoch millis
         */
        public Progress(long statusAt) {
            this.statusAt = statusAt;
        }
    }
}
