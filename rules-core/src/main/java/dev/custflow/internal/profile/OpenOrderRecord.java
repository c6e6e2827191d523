package dev.custflow.internal.profile;

import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.OpenOrder;
import dev.custflow.model.OrderItem;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Times;
import java.util.Arrays;

/** The engine's tracked order: what rules read, plus the status, payment and fulfilment updates folded in. */
public final class OpenOrderRecord extends OpenOrder {
    OpenOrderRecord(String orderId, long placedAt, long amountCents, int promisedDay) {
        super(orderId, placedAt, amountCents, promisedDay);
    }

    void items(OrderItem[] lines) {
        this.items = lines == null || lines.length == 0 ? null : lines;
    }

    /** @return false when the order already has this status (a repeat changes nothing) */
    boolean status(OrderStatus s, long at, String tracking) {
        if (s == status) {
            return false;
        }
        this.status = s;
        this.statusAt = at;
        if (tracking != null) {
            this.trackingNo = tracking;
        }
        int n = steps();
        if (stepStatus == null) { // the first step besides PLACED: the timeline gets its arrays
            stepStatus = new byte[] {(byte) OrderStatus.PLACED.ordinal(), 0};
            stepAt = new long[] {placedAt, 0};
        } else {
            stepStatus = Arrays.copyOf(stepStatus, n + 1);
            stepAt = Arrays.copyOf(stepAt, n + 1);
        }
        stepStatus[n] = (byte) s.ordinal();
        stepAt[n] = at;
        return true;
    }

    void paid(long cents) {
        this.paidCents += cents;
    }

    /** The invoice was requested now (the fulfilment pack): payment terms count from here. */
    public boolean invoiced(long at) {
        if (invoicedAt != Times.NEVER) {
            return false;
        }
        invoicedAt = at;
        return true;
    }

    /** A late delivery was reported at this many days late. */
    public void lateNoticed(int days) {
        lateNoticeDays = Math.max(lateNoticeDays, days);
    }

    /** A payment reminder was raised at this many days overdue. */
    public void overdueNoticed(int days) {
        overdueNoticeDays = Math.max(overdueNoticeDays, days);
    }

    long statusMillis() {
        return statusAt;
    }

    long placedMillis() {
        return placedAt;
    }

    long amountCents() {
        return amountCents;
    }

    int promisedDay() {
        return promisedDay;
    }

    /** @return when it was delivered (epoch millis), or {@link Times#NEVER} */
    long deliveredMillis() {
        for (int i = steps() - 1; i >= 0; i--) {
            if (stepStatus(i) == OrderStatus.DELIVERED.ordinal()) {
                return stepAt(i);
            }
        }
        return Times.NEVER;
    }

    void write(SnapshotOutput o, long base) {
        o.writeString(orderId);
        o.writeTime(placedAt, base);
        o.writeSignedLong(amountCents);
        o.writeSignedInt(promisedDay);
        o.writeVarInt(status.ordinal());
        o.writeTime(statusAt, placedAt);
        o.writeSignedLong(paidCents);
        o.writeString(trackingNo);
    }

    static OpenOrderRecord read(SnapshotInput in, long base) {
        String id = in.readString();
        long placed = in.readTime(base);
        long amount = in.readSignedLong();
        int promised = in.readSignedInt();
        OpenOrderRecord o = new OpenOrderRecord(id, placed, amount, promised);
        o.status = OrderStatus.values()[in.readVarInt()];
        o.statusAt = in.readTime(placed);
        o.paidCents = in.readSignedLong();
        o.trackingNo = in.readString();
        if (o.status != OrderStatus.PLACED) { // an older snapshot kept no timeline: its last step is all it knows
            o.stepStatus = new byte[] {(byte) OrderStatus.PLACED.ordinal(), (byte) o.status.ordinal()};
            o.stepAt = new long[] {placed, o.statusAt};
        }
        return o;
    }

    /** Format 3: what the fulfilment pack added, after the fields of {@link #write}. */
    void writeFulfilment(SnapshotOutput o) {
        o.writeVarInt(items == null ? 0 : items.length);
        if (items != null) {
            for (OrderItem i : items) {
                o.writeString(i.sku());
                o.writeVarInt(i.quantity());
            }
        }
        o.writeVarInt(steps());
        for (int i = 0, n = steps(); i < n; i++) {
            o.writeVarInt(stepStatus(i));
            o.writeTime(stepAt(i), placedAt);
        }
        o.writeTime(invoicedAt, placedAt);
        o.writeVarInt(lateNoticeDays);
        o.writeVarInt(overdueNoticeDays);
    }

    void readFulfilment(SnapshotInput in) {
        int n = in.readVarInt();
        if (n > 0) {
            items = new OrderItem[n];
            for (int i = 0; i < n; i++) {
                items[i] = new OrderItem(in.readString(), in.readVarInt());
            }
        }
        int steps = in.readVarInt();
        byte[] statuses = new byte[steps];
        long[] ats = new long[steps];
        for (int i = 0; i < steps; i++) {
            statuses[i] = (byte) in.readVarInt();
            ats[i] = in.readTime(placedAt);
        }
        boolean placedOnly = steps == 1 && statuses[0] == OrderStatus.PLACED.ordinal() && ats[0] == placedAt;
        stepStatus = placedOnly ? null : statuses;
        stepAt = placedOnly ? null : ats;
        invoicedAt = in.readTime(placedAt);
        lateNoticeDays = in.readVarInt();
        overdueNoticeDays = in.readVarInt();
    }
}
