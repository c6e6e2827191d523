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
import java.util.Arrays;

/** The engine's order history: orders placed, status changes and payments folded in. */
final class OrdersRecord extends Orders {
    /** Orders kept in the detailed history; counts and totals stay exact beyond it. */
    static final int HISTORY_LIMIT = 128;

    /** Closed orders kept at most (the newest), besides the tracking period. */
    static final int CLOSED_LIMIT = 32;

    void place(String orderId, long at, long amountCents, LocalDate promised, OrderItem[] items) {
        history = entries();
        int minute = Times.minute(at);
        int n = historySize();
        int i = n;
        while (i > 0 && minuteAt(i - 1) > minute) {
            i--; // a late order still lands in time order
        }
        if (n < HISTORY_LIMIT || i > 0) { // else the oldest of a full history: in and out again at once
            int drop = n == HISTORY_LIMIT ? 1 : 0; // the oldest leaves the detailed history
            long[] h = new long[2 * (n + 1 - drop)];
            System.arraycopy(history, 2 * drop, h, 0, 2 * (i - drop));
            h[2 * (i - drop)] = minute;
            h[2 * (i - drop) + 1] = amountCents;
            System.arraycopy(history, 2 * i, h, 2 * (i - drop + 1), 2 * (n - i));
            history = h;
        }
        count++;
        totalCents += amountCents;
        firstAt = Math.min(firstAt, at);
        lastAt = Math.max(lastAt, at);
        OpenOrderRecord o = new OpenOrderRecord(orderId, at, amountCents,
                promised == null ? Integer.MIN_VALUE : (int) promised.toEpochDay());
        o.items(items);
        open = plus(open, o);
        history = compact();
    }

    private Deliveries deliveries() {
        if (deliveries == Deliveries.NONE) {
            deliveries = new Deliveries();
        }
        return deliveries;
    }

    /** @return {@link #history} as an array of its entries, never {@link #ONE_ORDER} */
    private long[] entries() {
        return history == ONE_ORDER ? new long[] {Times.minute(lastAt), totalCents} : history;
    }

    /** @return {@link #history}, as {@link #ONE_ORDER} when its one entry is the one that stands for */
    private long[] compact() {
        return history.length == 2 && history[0] == Times.minute(lastAt) && history[1] == totalCents ? ONE_ORDER
                : history;
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
            deliveries().lastDeliveredAt = Math.max(deliveries.lastDeliveredAt, at);
        } else if (status == OrderStatus.RETURNED) {
            deliveries().returned++;
        }
        if (o == null) {
            return true; // no longer tracked: its history entry stays as it was
        }
        o.status(status, at, tracking);
        if (status == OrderStatus.DELIVERED && o.promisedDay() != Integer.MIN_VALUE) {
            Deliveries d = deliveries();
            int n = d.promisedDays.length;
            int drop = n == HISTORY_LIMIT ? 1 : 0;
            d.promisedDays = Arrays.copyOfRange(d.promisedDays, drop, n + 1);
            d.deliveredAts = Arrays.copyOfRange(d.deliveredAts, drop, n + 1);
            d.promisedDays[n - drop] = o.promisedDay();
            d.deliveredAts[n - drop] = at;
        }
        if (status == OrderStatus.CANCELLED || status == OrderStatus.RETURNED) {
            reverse(o, was);
        }
        if (status.isFinal() && indexOf(open, o) >= 0) {
            open = minus(open, indexOf(open, o));
            closed = plus(closed, o);
            if (size(closed) > CLOSED_LIMIT) {
                closed = minus(closed, 0);
            }
        }
        return true;
    }

    /**
     * A cancelled or returned order no longer counts as bought: its amount leaves the history (count, total, the
     * entry the RFM scores and intervals read) and, when it was delivered, its delivery leaves the on-time figures.
     */
    private void reverse(OpenOrderRecord o, OrderStatus was) {
        history = entries();
        count = Math.max(0, count - 1);
        totalCents -= o.amountCents();
        int minute = Times.minute(o.placedMillis());
        for (int i = historySize() - 1; i >= 0; i--) {
            if (minuteAt(i) == minute && centsAt(i) == o.amountCents()) {
                long[] rest = history.length == 2 ? NO_LONGS : new long[history.length - 2];
                System.arraycopy(history, 0, rest, 0, 2 * i);
                System.arraycopy(history, 2 * i + 2, rest, 2 * i, rest.length - 2 * i);
                history = rest;
                break;
            }
        }
        if (count == 0) {
            firstAt = Long.MAX_VALUE;
            lastAt = Long.MIN_VALUE;
        } else if (historySize() > 0) { // the first and last orders left are known to the minute
            if (o.placedMillis() <= firstAt && count == historySize()) {
                firstAt = Times.millis(minuteAt(0));
            }
            if (o.placedMillis() >= lastAt) {
                lastAt = Times.millis(minuteAt(historySize() - 1));
            }
        }
        if (was == OrderStatus.DELIVERED) {
            long delivered = o.deliveredMillis();
            Deliveries d = deliveries;
            for (int i = d.promisedDays.length - 1; i >= 0; i--) {
                if (d.promisedDays[i] == o.promisedDay() && d.deliveredAts[i] == delivered) {
                    d.promisedDays = without(d.promisedDays, i);
                    d.deliveredAts = without(d.deliveredAts, i);
                    break;
                }
            }
        }
        history = compact();
    }

    void pay(String orderId, long amountCents) {
        OpenOrderRecord o = (OpenOrderRecord) tracked(orderId);
        if (o != null) {
            o.paid(amountCents);
        }
    }

    void forgetStale(long before) {
        open = withoutStale(open, before);
        closed = withoutStale(closed, before);
    }

    private static Object withoutStale(Object orders, long before) {
        for (int i = size(orders) - 1; i >= 0; i--) {
            if (((OpenOrderRecord) at(orders, i)).statusMillis() < before) {
                orders = minus(orders, i);
            }
        }
        return orders;
    }

    /** @return {@code orders} (held like {@link #open}) with {@code o} added at the end */
    private static Object plus(Object orders, OpenOrder o) {
        int n = size(orders);
        if (n == 0) {
            return o;
        }
        OpenOrder[] more = new OpenOrder[n + 1];
        for (int i = 0; i < n; i++) {
            more[i] = at(orders, i);
        }
        more[n] = o;
        return more;
    }

    /** @return {@code orders} (held like {@link #open}) without its {@code i}-th order */
    private static Object minus(Object orders, int i) {
        int n = size(orders);
        if (n == 1) {
            return null;
        }
        OpenOrder[] all = (OpenOrder[]) orders;
        if (n == 2) {
            return all[1 - i];
        }
        OpenOrder[] rest = new OpenOrder[n - 1];
        System.arraycopy(all, 0, rest, 0, i);
        System.arraycopy(all, i + 1, rest, i, n - 1 - i);
        return rest;
    }

    private static int indexOf(Object orders, OpenOrder o) {
        for (int i = 0, n = size(orders); i < n; i++) {
            if (at(orders, i) == o) {
                return i;
            }
        }
        return -1;
    }

    private static int[] without(int[] a, int i) {
        if (a.length == 1) {
            return NO_INTS;
        }
        int[] rest = new int[a.length - 1];
        System.arraycopy(a, 0, rest, 0, i);
        System.arraycopy(a, i + 1, rest, i, a.length - 1 - i);
        return rest;
    }

    private static long[] without(long[] a, int i) {
        if (a.length == 1) {
            return NO_LONGS;
        }
        long[] rest = new long[a.length - 1];
        System.arraycopy(a, 0, rest, 0, i);
        System.arraycopy(a, i + 1, rest, i, a.length - 1 - i);
        return rest;
    }

    /** Format 3: the fulfilment state, after everything {@link #write} wrote and the rest of the profile. */
    void writeFulfilment(SnapshotOutput o, long base) {
        for (int i = 0, n = size(open); i < n; i++) {
            ((OpenOrderRecord) at(open, i)).writeFulfilment(o);
        }
        o.writeVarInt(size(closed));
        for (int i = 0, n = size(closed); i < n; i++) {
            ((OpenOrderRecord) at(closed, i)).write(o, base);
            ((OpenOrderRecord) at(closed, i)).writeFulfilment(o);
        }
        Deliveries d = deliveries;
        o.writeVarInt(d.promisedDays.length);
        for (int i = 0; i < d.promisedDays.length; i++) {
            o.writeSignedInt(d.promisedDays[i]);
            o.writeTime(d.deliveredAts[i], base);
        }
    }

    void readFulfilment(SnapshotInput in, long base) {
        for (int i = 0, n = size(open); i < n; i++) {
            ((OpenOrderRecord) at(open, i)).readFulfilment(in);
        }
        closed = readOrders(in, base, in.readVarInt(), true);
        int d = in.readVarInt();
        if (d > 0) {
            Deliveries x = deliveries();
            x.promisedDays = new int[d];
            x.deliveredAts = new long[d];
            for (int i = 0; i < d; i++) {
                x.promisedDays[i] = in.readSignedInt();
                x.deliveredAts[i] = in.readTime(base);
            }
        }
    }

    void write(SnapshotOutput o, long base) {
        int baseMinute = Times.minute(base);
        int n = historySize();
        int[] minutes = new int[n];
        for (int i = 0; i < n; i++) {
            minutes[i] = minuteAt(i);
        }
        CustomerCodec.minutes(o, minutes, baseMinute); // the two lists one after the other, as when they were lists
        o.writeVarInt(n);
        for (int i = 0; i < n; i++) {
            o.writeSignedLong(centsAt(i));
        }
        o.writeVarInt(count);
        o.writeSignedLong(totalCents);
        o.writeTime(firstAt, base);
        o.writeTime(lastAt, base);
        o.writeTime(deliveries.lastDeliveredAt, base);
        o.writeVarInt(deliveries.returned);
        // 0: none; 1: none either (an empty list, which earlier versions could keep); n + 1: n orders
        o.writeVarInt(open == null ? 0 : size(open) + 1);
        for (int i = 0; i < size(open); i++) {
            ((OpenOrderRecord) at(open, i)).write(o, base);
        }
    }

    static OrdersRecord read(SnapshotInput in, long base) {
        OrdersRecord x = new OrdersRecord();
        int[] minutes = CustomerCodec.minuteArray(in, Times.minute(base));
        int n = in.readVarInt();
        if (n != minutes.length) {
            throw new IllegalArgumentException("order history of " + minutes.length + " times and " + n + " amounts");
        }
        x.history = n == 0 ? NO_LONGS : new long[2 * n];
        for (int i = 0; i < n; i++) {
            x.history[2 * i] = minutes[i];
            x.history[2 * i + 1] = in.readSignedLong();
        }
        x.count = in.readVarInt();
        x.totalCents = in.readSignedLong();
        x.firstAt = in.readTime(base);
        x.lastAt = in.readTime(base);
        long lastDelivered = in.readTime(base);
        int returned = in.readVarInt();
        if (lastDelivered != Times.NEVER || returned != 0) {
            x.deliveries().lastDeliveredAt = lastDelivered;
            x.deliveries.returned = returned;
        }
        x.history = x.compact();
        int open = in.readVarInt();
        x.open = readOrders(in, base, Math.max(0, open - 1), false);
        return x;
    }

    /** Reads {@code n} orders into the form {@link #open} and {@link #closed} hold them in. */
    private static Object readOrders(SnapshotInput in, long base, int n, boolean fulfilment) {
        Object orders = null;
        OpenOrder[] all = n > 1 ? new OpenOrder[n] : null;
        for (int i = 0; i < n; i++) {
            OpenOrderRecord o = OpenOrderRecord.read(in, base);
            if (fulfilment) {
                o.readFulfilment(in);
            }
            if (all == null) {
                orders = o;
            } else {
                all[i] = o;
            }
        }
        return all == null ? orders : all;
    }
}
