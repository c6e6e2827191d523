package dev.custflow.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An order still moving through fulfilment. It leaves the profile once delivered, cancelled or
 * returned (its amount and date stay in the order history), or when it has not moved for the
 * tracking period.
 */
public final class OpenOrder {
    private final String orderId;
    private final long placedAt;
    private final long amountCents;
    private final int promisedDay;
    private OrderStatus status = OrderStatus.PLACED;
    private long statusAt;
    private long paidCents;
    private String trackingNo;

    OpenOrder(String orderId, long placedAt, long amountCents, LocalDate promisedDate) {
        this.orderId = orderId;
        this.placedAt = placedAt;
        this.statusAt = placedAt;
        this.amountCents = amountCents;
        this.promisedDay = promisedDate == null ? Integer.MIN_VALUE : (int) promisedDate.toEpochDay();
    }

    OpenOrder(OpenOrder o) {
        this(o.orderId, o.placedAt, o.amountCents, o.getPromisedDate());
        this.status = o.status;
        this.statusAt = o.statusAt;
        this.paidCents = o.paidCents;
        this.trackingNo = o.trackingNo;
    }

    /** Writes it in the snapshot encoding (CustomerCodec). */
    void write(dev.custflow.internal.snapshot.SnapshotOutput o, long base) {
        o.writeString(orderId);
        o.writeTime(placedAt, base);
        o.writeSignedLong(amountCents);
        o.writeSignedInt(promisedDay);
        o.writeVarInt(status.ordinal());
        o.writeTime(statusAt, placedAt);
        o.writeSignedLong(paidCents);
        o.writeString(trackingNo);
    }

    /** Reads what {@link #write} wrote. */
    static OpenOrder read(dev.custflow.internal.snapshot.SnapshotInput in, long base) {
        String id = in.readString();
        long placed = in.readTime(base);
        long amount = in.readSignedLong();
        int promised = in.readSignedInt();
        OpenOrder o = new OpenOrder(id, placed, amount,
                promised == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(promised));
        o.status = OrderStatus.values()[in.readVarInt()];
        o.statusAt = in.readTime(placed);
        o.paidCents = in.readSignedLong();
        o.trackingNo = in.readString();
        return o;
    }

    void status(OrderStatus s, long at, String tracking) {
        this.status = s;
        this.statusAt = at;
        if (tracking != null) {
            this.trackingNo = tracking;
        }
    }

    void paid(long cents) {
        this.paidCents += cents;
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

    long statusMillis() {
        return statusAt;
    }
}
