package dev.custflow.internal.profile;

import dev.custflow.internal.snapshot.CustomerCodec;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.OpenOrder;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Orders;
import dev.custflow.model.Times;
import java.time.LocalDate;
import java.util.ArrayList;

/** The engine's order history: orders placed, status changes and payments folded in. */
final class OrdersRecord extends Orders {
    /** Orders kept in the detailed history; counts and totals stay exact beyond it. */
    static final int HISTORY_LIMIT = 128;

    void place(String orderId, long at, long amountCents, LocalDate promised) {
        int minute = Times.minute(at);
        int i = MinuteLists.insertionPoint(minutes, minute);
        minutes.addAtIndex(i, minute);
        cents.addAtIndex(i, amountCents);
        if (minutes.size() > HISTORY_LIMIT) {
            minutes.removeAtIndex(0);
            cents.removeAtIndex(0);
        }
        count++;
        totalCents += amountCents;
        firstAt = Math.min(firstAt, at);
        lastAt = Math.max(lastAt, at);
        if (open == null) {
            open = new ArrayList<>(1);
        }
        open.add(new OpenOrderRecord(orderId, at, amountCents,
                promised == null ? Integer.MIN_VALUE : (int) promised.toEpochDay()));
    }

    void status(String orderId, OrderStatus status, long at, String tracking) {
        if (status == OrderStatus.DELIVERED) {
            lastDeliveredAt = Math.max(lastDeliveredAt, at);
        } else if (status == OrderStatus.RETURNED) {
            returned++;
        }
        OpenOrderRecord o = (OpenOrderRecord) open(orderId);
        if (o == null) {
            return; // no longer tracked: its history entry stays as it was
        }
        o.status(status, at, tracking);
        if (status.isFinal()) {
            open.remove(o);
        }
    }

    void pay(String orderId, long amountCents) {
        OpenOrderRecord o = (OpenOrderRecord) open(orderId);
        if (o != null) {
            o.paid(amountCents);
        }
    }

    void forgetStale(long before) {
        if (open != null) {
            open.removeIf(o -> ((OpenOrderRecord) o).statusMillis() < before);
            if (open.isEmpty()) {
                open = null;
            }
        }
    }

    void write(SnapshotOutput o, long base) {
        int baseMinute = Times.minute(base);
        CustomerCodec.minutes(o, minutes, baseMinute);
        o.writeVarInt(cents.size());
        for (int i = 0; i < cents.size(); i++) {
            o.writeSignedLong(cents.get(i));
        }
        o.writeVarInt(count);
        o.writeSignedLong(totalCents);
        o.writeTime(firstAt, base);
        o.writeTime(lastAt, base);
        o.writeTime(lastDeliveredAt, base);
        o.writeVarInt(returned);
        o.writeVarInt(open == null ? 0 : open.size() + 1); // 0: null, 1: an empty list
        if (open != null) {
            for (OpenOrder oo : open) {
                ((OpenOrderRecord) oo).write(o, base);
            }
        }
    }

    static OrdersRecord read(SnapshotInput in, long base) {
        OrdersRecord x = new OrdersRecord();
        x.minutes.addAll(CustomerCodec.minutes(in, Times.minute(base)));
        int n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            x.cents.add(in.readSignedLong());
        }
        x.count = in.readVarInt();
        x.totalCents = in.readSignedLong();
        x.firstAt = in.readTime(base);
        x.lastAt = in.readTime(base);
        x.lastDeliveredAt = in.readTime(base);
        x.returned = in.readVarInt();
        int open = in.readVarInt();
        if (open > 0) {
            x.open = new ArrayList<>(Math.max(1, open - 1));
            for (int i = 0; i < open - 1; i++) {
                x.open.add(OpenOrderRecord.read(in, base));
            }
        }
        return x;
    }
}
