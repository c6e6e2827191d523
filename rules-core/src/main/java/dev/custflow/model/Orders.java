package dev.custflow.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

/** A customer's order history folded into parallel primitive lists, plus the orders still in fulfilment. */
final class Orders {
    /** Order times in epoch minutes, ascending, at most {@link Customer#ORDER_HISTORY_LIMIT}. */
    final IntArrayList minutes = new IntArrayList(2);
    /** Order amounts in cents, parallel to {@link #minutes}. */
    final LongArrayList cents = new LongArrayList(2);
    int count;
    long totalCents;
    long firstAt = Long.MAX_VALUE;
    long lastAt = Long.MIN_VALUE;
    long lastDeliveredAt = Times.NEVER;
    int returned;
    List<OpenOrder> open;

    void place(String orderId, long at, long amountCents, LocalDate promised) {
        int minute = Times.minute(at);
        int i = minutes.size();
        while (i > 0 && minutes.get(i - 1) > minute) {
            i--; // a late event still lands in time order
        }
        minutes.addAtIndex(i, minute);
        cents.addAtIndex(i, amountCents);
        if (minutes.size() > Customer.ORDER_HISTORY_LIMIT) {
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
        open.add(new OpenOrder(orderId, at, amountCents, promised));
    }

    OpenOrder open(String orderId) {
        if (open != null) {
            for (OpenOrder o : open) {
                if (o.getOrderId().equals(orderId)) {
                    return o;
                }
            }
        }
        return null;
    }

    void status(String orderId, OrderStatus status, long at, String tracking) {
        if (status == OrderStatus.DELIVERED) {
            lastDeliveredAt = Math.max(lastDeliveredAt, at);
        } else if (status == OrderStatus.RETURNED) {
            returned++;
        }
        OpenOrder o = open(orderId);
        if (o == null) {
            return; // no longer tracked: its history entry stays as it was
        }
        o.status(status, at, tracking);
        if (status.isFinal()) {
            open.remove(o);
        }
    }

    void pay(String orderId, long amountCents) {
        OpenOrder o = open(orderId);
        if (o != null) {
            o.paid(amountCents);
        }
    }

    void forgetStale(long before) {
        if (open != null) {
            open.removeIf(o -> o.statusMillis() < before);
            if (open.isEmpty()) {
                open = null;
            }
        }
    }

    int countSince(int sinceMinute) {
        return Windows.countSince(minutes, sinceMinute);
    }

    long sumSince(int sinceMinute) {
        long sum = 0;
        for (int i = minutes.size() - 1; i >= 0 && minutes.get(i) >= sinceMinute; i--) {
            sum += cents.get(i);
        }
        return sum;
    }

    long amountFromEnd(int k) {
        int i = cents.size() - 1 - k;
        return i < 0 ? 0 : cents.get(i);
    }

    double meanIntervalDays() {
        int n = minutes.size();
        if (n < 2) {
            return -1;
        }
        return (minutes.get(n - 1) - minutes.get(0)) / (double) Times.DAY_MINUTES / (n - 1);
    }

    double medianIntervalDays() {
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
