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
        Progress p = progress();
        p.statusAt = at;
        if (tracking != null) {
            p.trackingNo = tracking;
        }
        int n = steps();
        if (p.steps == null) { // the first step besides PLACED: the timeline gets its array
            p.steps = new long[] {step(OrderStatus.PLACED.ordinal(), placedAt), 0};
        } else {
            p.steps = Arrays.copyOf(p.steps, n + 1);
        }
        p.steps[n] = step(s.ordinal(), at);
        return true;
    }

    void paid(long cents) {
        if (cents != 0 || progress != null) {
            progress().paidCents += cents;
        }
    }

    private Progress progress() {
        if (progress == null) {
            progress = new Progress(placedAt);
        }
        return progress;
    }

    /** The invoice was requested now (the fulfilment pack): payment terms count from here. */
    public boolean invoiced(long at) {
        if (invoicedMillis() != Times.NEVER) {
            return false;
        }
        progress().invoicedAt = at;
        return true;
    }

    /** A late delivery was reported at this many days late. */
    public void lateNoticed(int days) {
        if (days > getLateNoticeDays()) {
            progress().lateNoticeDays = days;
        }
    }

    /** A payment reminder was raised at this many days overdue. */
    public void overdueNoticed(int days) {
        if (days > getOverdueNoticeDays()) {
            progress().overdueNoticeDays = days;
        }
    }

    long statusMillis() {
        return statusAtMillis();
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
        o.writeTime(statusAtMillis(), placedAt);
        o.writeSignedLong(paidCents());
        o.writeString(getTrackingNo());
    }

    static OpenOrderRecord read(SnapshotInput in, long base) {
        String id = in.readString();
        long placed = in.readTime(base);
        long amount = in.readSignedLong();
        int promised = in.readSignedInt();
        OpenOrderRecord o = new OpenOrderRecord(id, placed, amount, promised);
        o.status = OrderStatus.values()[in.readVarInt()];
        long statusAt = in.readTime(placed);
        long paid = in.readSignedLong();
        String tracking = in.readString();
        if (statusAt != placed || paid != 0 || tracking != null || o.status != OrderStatus.PLACED) {
            Progress p = o.progress();
            p.statusAt = statusAt;
            p.paidCents = paid;
            p.trackingNo = tracking;
            if (o.status != OrderStatus.PLACED) { // an older snapshot kept no timeline: its last step is all it knows
                p.steps = new long[] {step(OrderStatus.PLACED.ordinal(), placed), step(o.status.ordinal(), statusAt)};
            }
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
        o.writeTime(invoicedMillis(), placedAt);
        o.writeVarInt(getLateNoticeDays());
        o.writeVarInt(getOverdueNoticeDays());
    }

    void readFulfilment(SnapshotInput in) {
        int n = in.readVarInt();
        if (n > 0) {
            items = new OrderItem[n];
            for (int i = 0; i < n; i++) {
                items[i] = new OrderItem(in.readString(), in.readVarInt());
            }
        }
        int count = in.readVarInt();
        long[] steps = new long[count];
        for (int i = 0; i < count; i++) {
            int status = in.readVarInt();
            steps[i] = step(status, in.readTime(placedAt));
        }
        boolean placedOnly = count == 1 && steps[0] == step(OrderStatus.PLACED.ordinal(), placedAt);
        long invoicedAt = in.readTime(placedAt);
        int late = in.readVarInt();
        int overdue = in.readVarInt();
        if (!placedOnly || invoicedAt != Times.NEVER || late != 0 || overdue != 0 || progress != null) {
            Progress p = progress();
            p.steps = placedOnly ? null : steps;
            p.invoicedAt = invoicedAt;
            p.lateNoticeDays = late;
            p.overdueNoticeDays = overdue;
        }
    }
}
