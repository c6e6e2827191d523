package dev.custflow.internal.profile;

import dev.custflow.internal.snapshot.CustomerCodec;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.OpenOrder;
import dev.custflow.model.OrderItem;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Orders;
import dev.custflow.model.Times;
import java.time.LocalDate;
import java.util.ArrayList;

/** The engine's order history: orders placed, status changes and payments folded in. */
final class OrdersRecord extends Orders {
    /** Orders kept in the detailed history; counts and totals stay exact beyond it. */
    static final int HISTORY_LIMIT = 128;

    /** Closed orders kept at most (the newest), besides the tracking period. */
    static final int CLOSED_LIMIT = 32;

    void place(String orderId, long at, long amountCents, LocalDate promised, OrderItem[] items) {
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
        OpenOrderRecord o = new OpenOrderRecord(orderId, at, amountCents,
                promised == null ? Integer.MIN_VALUE : (int) promised.toEpochDay());
        o.items(items);
        open.add(o);
    }

    /**
     * @param orderId an order of this customer's
     * @param status  a status an event brings for it
     * @return true when that status would change nothing (see {@link #status})
     */
    boolean changesNothing(String orderId, OrderStatus status) {
        OpenOrderRecord o = (OpenOrderRecord) tracked(orderId);
        OrderStatus was = o == null ? null : o.getStatus();
        return o != null && (o.isReversed() || was == OrderStatus.DELIVERED && status != OrderStatus.RETURNED
                || was == status);
    }

    /**
     * @return false when the status changed nothing: the order was cancelled or returned already, is delivered and
     *         the status is not a return, or has this status already
     */
    boolean status(String orderId, OrderStatus status, long at, String tracking) {
        if (changesNothing(orderId, status)) {
            return false;
        }
        OpenOrderRecord o = (OpenOrderRecord) tracked(orderId);
        OrderStatus was = o == null ? null : o.getStatus();
        if (status == OrderStatus.DELIVERED) {
            lastDeliveredAt = Math.max(lastDeliveredAt, at);
        } else if (status == OrderStatus.RETURNED) {
            returned++;
        }
        if (o == null) {
            return true; // no longer tracked: its history entry stays as it was
        }
        o.status(status, at, tracking);
        if (status == OrderStatus.DELIVERED && o.promisedDay() != Integer.MIN_VALUE) {
            promisedDays.add(o.promisedDay());
            deliveredAts.add(at);
            if (promisedDays.size() > HISTORY_LIMIT) {
                promisedDays.removeAtIndex(0);
                deliveredAts.removeAtIndex(0);
            }
        }
        if (status == OrderStatus.CANCELLED || status == OrderStatus.RETURNED) {
            reverse(o, was);
        }
        if (status.isFinal() && open != null && open.remove(o)) {
            if (closed == null) {
                closed = new ArrayList<>(1);
            }
            closed.add(o);
            if (closed.size() > CLOSED_LIMIT) {
                closed.remove(0);
            }
        }
        return true;
    }

    /**
     * A cancelled or returned order no longer counts as bought: its amount leaves the history (count, total, the
     * entry the RFM scores and intervals read) and, when it was delivered, its delivery leaves the on-time figures.
     */
    private void reverse(OpenOrderRecord o, OrderStatus was) {
        count = Math.max(0, count - 1);
        totalCents -= o.amountCents();
        int minute = Times.minute(o.placedMillis());
        for (int i = minutes.size() - 1; i >= 0; i--) {
            if (minutes.get(i) == minute && cents.get(i) == o.amountCents()) {
                minutes.removeAtIndex(i);
                cents.removeAtIndex(i);
                break;
            }
        }
        if (count == 0) {
            firstAt = Long.MAX_VALUE;
            lastAt = Long.MIN_VALUE;
        } else if (!minutes.isEmpty()) { // the first and last orders left are known to the minute
            if (o.placedMillis() <= firstAt && count == minutes.size()) {
                firstAt = Times.millis(minutes.get(0));
            }
            if (o.placedMillis() >= lastAt) {
                lastAt = Times.millis(minutes.get(minutes.size() - 1));
            }
        }
        if (was == OrderStatus.DELIVERED) {
            long delivered = o.deliveredMillis();
            for (int i = promisedDays.size() - 1; i >= 0; i--) {
                if (promisedDays.get(i) == o.promisedDay() && deliveredAts.get(i) == delivered) {
                    promisedDays.removeAtIndex(i);
                    deliveredAts.removeAtIndex(i);
                    break;
                }
            }
        }
    }

    void pay(String orderId, long amountCents) {
        OpenOrderRecord o = (OpenOrderRecord) tracked(orderId);
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
        if (closed != null) {
            closed.removeIf(o -> ((OpenOrderRecord) o).statusMillis() < before);
            if (closed.isEmpty()) {
                closed = null;
            }
        }
    }

    /** Format 3: the fulfilment state, after everything {@link #write} wrote and the rest of the profile. */
    void writeFulfilment(SnapshotOutput o, long base) {
        if (open != null) {
            for (OpenOrder oo : open) {
                ((OpenOrderRecord) oo).writeFulfilment(o);
            }
        }
        o.writeVarInt(closed == null ? 0 : closed.size());
        if (closed != null) {
            for (OpenOrder oo : closed) {
                ((OpenOrderRecord) oo).write(o, base);
                ((OpenOrderRecord) oo).writeFulfilment(o);
            }
        }
        o.writeVarInt(promisedDays.size());
        for (int i = 0; i < promisedDays.size(); i++) {
            o.writeSignedInt(promisedDays.get(i));
            o.writeTime(deliveredAts.get(i), base);
        }
    }

    void readFulfilment(SnapshotInput in, long base) {
        if (open != null) {
            for (OpenOrder oo : open) {
                ((OpenOrderRecord) oo).readFulfilment(in);
            }
        }
        int n = in.readVarInt();
        if (n > 0) {
            closed = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                OpenOrderRecord c = OpenOrderRecord.read(in, base);
                c.readFulfilment(in);
                closed.add(c);
            }
        }
        int d = in.readVarInt();
        for (int i = 0; i < d; i++) {
            promisedDays.add(in.readSignedInt());
            deliveredAts.add(in.readTime(base));
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
