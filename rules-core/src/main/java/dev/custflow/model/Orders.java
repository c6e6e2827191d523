package dev.custflow.model;

import java.util.Arrays;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A customer's order history folded into primitive arrays, plus the orders still in fulfilment. Engine use:
 * rules read it through {@link Customer}; the engine's subclass writes it.
 */
public abstract class Orders {
    /** The shared empty history: a profile's lists are arrays of exactly their size, most of them short. */
    protected static final int[] NO_INTS = new int[0];
    protected static final long[] NO_LONGS = new long[0];
    /**
     * {@link #history}'s stand-in for one entry that is the last order's minute ({@link #lastAt}) and the total: most
     * customers have a single order, and the array for it would cost more than the profile's order history object.
     */
    protected static final long[] ONE_ORDER = new long[0];

    /**
     * The order history, at most the engine's history limit, in time order: each order's time in epoch minutes and
     * its amount in cents side by side ({@code minute, cents, minute, cents...}; see {@link #minuteAt} and
     * {@link #centsAt}). One plain array of exactly that size rather than two growable lists: most customers have one
     * or a few orders, and list objects and spare slots would cost more than the entries (the engine replaces the
     * array when an order comes).
     */
    protected long[] history = NO_LONGS;
    protected int count;
    protected long totalCents;
    protected long firstAt = Long.MAX_VALUE;
    protected long lastAt = Long.MIN_VALUE;
    /**
     * The orders in fulfilment, oldest first: null for none, the {@link OpenOrder} itself for one (the common case),
     * an {@code OpenOrder[]} for more; read with {@link #size(Object)} and {@link #at(Object, int)}.
     */
    protected Object open;
    /** Orders delivered, cancelled or returned within the tracking period, oldest first, held like {@link #open}. */
    protected Object closed;
    /**
     * What deliveries and returns left: {@link Deliveries#NONE} until the first delivery or return, when the engine
     * gives the history a part of its own. Most profiles hold orders waiting for delivery, and these fields would
     * cost each of them.
     */
    protected Deliveries deliveries = Deliveries.NONE;

    /** Only the engine creates order histories. */
    protected Orders() {
    }

    /** @return how many orders {@link #open} or {@link #closed} holds */
    protected static int size(Object orders) {
        return orders == null ? 0 : orders instanceof OpenOrder ? 1 : ((OpenOrder[]) orders).length;
    }

    /** @return the {@code i}-th order {@link #open} or {@link #closed} holds */
    protected static OpenOrder at(Object orders, int i) {
        return orders instanceof OpenOrder o ? o : ((OpenOrder[]) orders)[i];
    }

    /** @return the orders {@link #open} or {@link #closed} holds, as a list */
    protected static List<OpenOrder> list(Object orders) {
        return orders == null ? List.of() : orders instanceof OpenOrder o ? List.of(o) : List.of((OpenOrder[]) orders);
    }

    /** @param orderId an order id @return the open order, or null */
    protected final OpenOrder open(String orderId) {
        return find(open, orderId);
    }

    /** @param orderId an order id @return the tracked order (open or closed), or null */
    protected final OpenOrder tracked(String orderId) {
        OpenOrder o = find(open, orderId);
        return o == null ? find(closed, orderId) : o;
    }

    private static OpenOrder find(Object orders, String orderId) {
        for (int i = 0, n = size(orders); i < n; i++) {
            OpenOrder o = at(orders, i);
            if (o.getOrderId().equals(orderId)) {
                return o;
            }
        }
        return null;
    }

    final double onTimeRate(ZoneId zone) {
        int[] promisedDays = deliveries.promisedDays;
        long[] deliveredAts = deliveries.deliveredAts;
        int n = promisedDays.length;
        if (n == 0) {
            return -1;
        }
        int onTime = 0;
        for (int i = 0; i < n; i++) {
            if (Instant.ofEpochMilli(deliveredAts[i]).atZone(zone).toLocalDate().toEpochDay()
                    <= promisedDays[i]) {
                onTime++;
            }
        }
        return onTime / (double) n;
    }

    /** @return how many orders {@link #history} holds */
    protected final int historySize() {
        return history == ONE_ORDER ? 1 : history.length >> 1;
    }

    /** @return the time of the {@code i}-th order of {@link #history}, epoch minutes */
    protected final int minuteAt(int i) {
        return history == ONE_ORDER ? Times.minute(lastAt) : (int) history[2 * i];
    }

    /** @return the amount of the {@code i}-th order of {@link #history}, cents */
    protected final long centsAt(int i) {
        return history == ONE_ORDER ? totalCents : history[2 * i + 1];
    }

    final int countSince(int sinceMinute) {
        int n = 0;
        for (int i = historySize() - 1; i >= 0 && minuteAt(i) >= sinceMinute; i--) {
            n++;
        }
        return n;
    }

    final long sumSince(int sinceMinute) {
        long sum = 0;
        for (int i = historySize() - 1; i >= 0 && minuteAt(i) >= sinceMinute; i--) {
            sum += centsAt(i);
        }
        return sum;
    }

    final long amountFromEnd(int k) {
        int i = historySize() - 1 - k;
        return i < 0 ? 0 : centsAt(i);
    }

    final double meanIntervalDays() {
        int n = historySize();
        if (n < 2) {
            return -1;
        }
        return (minuteAt(n - 1) - minuteAt(0)) / (double) Times.DAY_MINUTES / (n - 1);
    }

    final double medianIntervalDays() {
        int n = historySize();
        if (n < 2) {
            return -1;
        }
        int[] gaps = new int[n - 1];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = minuteAt(i) - minuteAt(i - 1);
        }
        Arrays.sort(gaps);
        int m = gaps.length;
        double median = m % 2 == 1 ? gaps[m / 2] : (gaps[m / 2 - 1] + (double) gaps[m / 2]) / 2;
        return median / Times.DAY_MINUTES;
    }

    /** See {@link #deliveries}. Written by the engine only, never {@link #NONE}. */
    protected static final class Deliveries {
        /** The shared part of a history without deliveries or returns: never written. */
        public static final Deliveries NONE = new Deliveries();

        public long lastDeliveredAt = Times.NEVER;
        public int returned;
        /** Deliveries with a promised date (the latest, at most the history limit): the promised epoch day ... */
        public int[] promisedDays = NO_INTS;
        /** ... and when it was delivered, epoch millis, parallel. */
        public long[] deliveredAts = NO_LONGS;

        /** Allocated by the engine at a history's first delivery or return. */
        public Deliveries() {
        }
    }
}
