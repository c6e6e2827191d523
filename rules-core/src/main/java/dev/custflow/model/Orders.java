package dev.custflow.model;

import java.util.Arrays;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

/**
 * A customer's order history folded into parallel primitive lists, plus the orders still in fulfilment. Engine use:
 * rules read it through {@link Customer}; the engine's subclass writes it.
 */
public abstract class Orders {
    /** Order times in epoch minutes, ascending, at most the engine's history limit. */
    protected final IntArrayList minutes = new IntArrayList(2);
    /** Order amounts in cents, parallel to {@link #minutes}. */
    protected final LongArrayList cents = new LongArrayList(2);
    protected int count;
    protected long totalCents;
    protected long firstAt = Long.MAX_VALUE;
    protected long lastAt = Long.MIN_VALUE;
    protected long lastDeliveredAt = Times.NEVER;
    protected int returned;
    protected List<OpenOrder> open;
    /** Orders delivered, cancelled or returned within the tracking period, oldest first, or null. */
    protected List<OpenOrder> closed;
    /** Deliveries with a promised date (the latest, at most the history limit): the promised epoch day ... */
    protected final IntArrayList promisedDays = new IntArrayList(0);
    /** ... and when it was delivered, epoch millis, parallel. */
    protected final LongArrayList deliveredAts = new LongArrayList(0);

    /** Only the engine creates order histories. */
    protected Orders() {
    }

    /** @param orderId an order id @return the open order, or null */
    protected final OpenOrder open(String orderId) {
        if (open != null) {
            for (OpenOrder o : open) {
                if (o.getOrderId().equals(orderId)) {
                    return o;
                }
            }
        }
        return null;
    }

    /** @param orderId an order id @return the tracked order (open or closed), or null */
    protected final OpenOrder tracked(String orderId) {
        OpenOrder o = open(orderId);
        if (o == null && closed != null) {
            for (OpenOrder c : closed) {
                if (c.getOrderId().equals(orderId)) {
                    return c;
                }
            }
        }
        return o;
    }

    final double onTimeRate(ZoneId zone) {
        int n = promisedDays.size();
        if (n == 0) {
            return -1;
        }
        int onTime = 0;
        for (int i = 0; i < n; i++) {
            if (Instant.ofEpochMilli(deliveredAts.get(i)).atZone(zone).toLocalDate().toEpochDay()
                    <= promisedDays.get(i)) {
                onTime++;
            }
        }
        return onTime / (double) n;
    }

    final int countSince(int sinceMinute) {
        return Windows.countSince(minutes, sinceMinute);
    }

    final long sumSince(int sinceMinute) {
        long sum = 0;
        for (int i = minutes.size() - 1; i >= 0 && minutes.get(i) >= sinceMinute; i--) {
            sum += cents.get(i);
        }
        return sum;
    }

    final long amountFromEnd(int k) {
        int i = cents.size() - 1 - k;
        return i < 0 ? 0 : cents.get(i);
    }

    final double meanIntervalDays() {
        int n = minutes.size();
        if (n < 2) {
            return -1;
        }
        return (minutes.get(n - 1) - minutes.get(0)) / (double) Times.DAY_MINUTES / (n - 1);
    }

    final double medianIntervalDays() {
        int n = minutes.size();
        if (n < 2) {
            return -1;
        }
        int[] gaps = new int[n - 1];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = minutes.get(i) - minutes.get(i - 1);
        }
        Arrays.sort(gaps);
        int m = gaps.length;
        double median = m % 2 == 1 ? gaps[m / 2] : (gaps[m / 2 - 1] + (double) gaps[m / 2]) / 2;
        return median / Times.DAY_MINUTES;
    }
}
