package dev.custflow.internal.index;

import dev.custflow.internal.profile.CustomerRecord;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The due-time index of one partition: customers by the next instant a time rule may change its mind (ties by
 * customer id, so wake order is deterministic). A tick costs what is due, not the base.
 *
 * <p>Customers due at or after a horizon wait unsorted in a bucket per day of their due time. Those due before it
 * are either in the day's run, the earliest day's bucket sorted once when the horizon moved past it, or in a
 * min-heap (4-ary, each slot's due time in an array beside the customers) for those scheduled before the horizon
 * after that. The earliest is the run's head or the heap's top, whichever comes first; when both are empty the next
 * day opens. Every customer in a bucket is due at or after the horizon and every other one before it, so customers
 * are woken in exactly the order of one heap over all of them. Why: with a million customers a single heap took a
 * cache miss per level for a poll, and wrote the slot of every customer it moved (W2 in BENCHMARKS.md); a day is now
 * sorted in one go, polled in order without moving anyone, and scheduling a customer days ahead, or taking it out of
 * its bucket or the run, is constant time. Each customer remembers where it is, in one non-negative int (the
 * profile packs it with a flag in 31 bits): its heap slot (below {@code RUN}), its place in the run (from {@code RUN})
 * or in its bucket (from {@code IN_BUCKET}).
 */
public final class DueIndex {
    public static final long NONE = Long.MAX_VALUE;

    /** The width of a bucket: a day. */
    static final long BUCKET = 86_400_000L;
    /** A customer not in the index. */
    private static final int ABSENT = -1;
    /** The slots from here on are places in the run. */
    private static final int RUN = 1 << 29;
    /** The slots from here on are places in a bucket. */
    private static final int IN_BUCKET = 1 << 30;

    private CustomerRecord[] heap = new CustomerRecord[64];
    /** The due time of the customer in each slot (equal to its {@code dueAt()}). */
    private long[] keys = new long[64];
    private int size;
    /** The heap holds the customers due before it, the buckets those due at or after it. */
    private long horizon = Long.MIN_VALUE;
    /** The buckets by day (due time divided by {@link #BUCKET}); none is empty. */
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private int waiting;
    /** The opened day's customers sorted by due time and id, polled from {@code head}; null where one left. */
    private CustomerRecord[] run = new CustomerRecord[0];
    private long[] runKeys = new long[0];
    private int head;
    private int inRun;

    /** The customers due on one day beyond the horizon, in no order. */
    private static final class Bucket {
        CustomerRecord[] members = new CustomerRecord[16];
        int size;
    }

    public int size() {
        return size + inRun + waiting;
    }

    /** @return the earliest due instant (epoch millis), or {@link #NONE} */
    public long peekDue() {
        if (!ready()) {
            return NONE;
        }
        return inRun == 0 ? keys[0] : size == 0 ? runKeys[head] : Math.min(keys[0], runKeys[head]);
    }

    /** Removes and returns the earliest customer; its due time stays readable until rescheduled. */
    public CustomerRecord poll() {
        if (!ready()) {
            throw new java.util.NoSuchElementException("no customer is due");
        }
        if (inRun > 0 && (size == 0 || less(runKeys[head], run[head], keys[0], heap[0]))) {
            CustomerRecord first = run[head];
            run[head++] = null;
            inRun--;
            first.indexSlot(ABSENT);
            return first;
        }
        CustomerRecord top = heap[0];
        removeAt(0);
        return top;
    }

    /** @return false if no customer is due; else the run's head (if any) is a customer */
    private boolean ready() {
        if (size == 0 && inRun == 0 && !openNextDay()) {
            return false;
        }
        while (inRun > 0 && run[head] == null) {
            head++;
        }
        return true;
    }

    /** Sets (or clears, with {@link #NONE}) a customer's due time. */
    public void schedule(CustomerRecord c, long due) {
        int slot = c.indexSlot();
        if (slot >= 0 && slot < RUN && due != NONE && due < horizon) { // stays in the heap: moved up or down in place
            long old = keys[slot];
            c.dueAt(due);
            if (due < old) {
                up(slot, c, due);
            } else if (due > old) {
                down(slot, c, due);
            }
            return;
        }
        if (slot >= IN_BUCKET) {
            leaveBucket(c, slot - IN_BUCKET);
        } else if (slot >= RUN) {
            run[slot - RUN] = null;
            inRun--;
            c.indexSlot(ABSENT);
        } else if (slot >= 0) {
            removeAt(slot);
        }
        c.dueAt(due);
        if (due == NONE) {
            return;
        }
        if (due < horizon) {
            push(c, due);
        } else {
            Bucket b = buckets.computeIfAbsent(Math.floorDiv(due, BUCKET), d -> new Bucket());
            if (b.size == b.members.length) {
                b.members = Arrays.copyOf(b.members, b.size * 2);
            }
            b.members[b.size] = c;
            c.indexSlot(IN_BUCKET + b.size);
            b.size++;
            waiting++;
        }
    }

    private void push(CustomerRecord c, long due) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        up(size++, c, due);
    }

    /** Takes {@code c} (still with the due time it has there) out of its place {@code at} in its bucket. */
    private void leaveBucket(CustomerRecord c, int at) {
        long day = Math.floorDiv(c.dueAt(), BUCKET);
        Bucket b = buckets.get(day);
        CustomerRecord last = b.members[--b.size];
        b.members[at] = last;
        last.indexSlot(IN_BUCKET + at);
        b.members[b.size] = null;
        if (b.size == 0) {
            buckets.remove(day);
        }
        c.indexSlot(ABSENT);
        waiting--;
    }

    /**
     * Opens the earliest day (the heap and the run are empty): its customers sorted by due time, and by id among
     * those due at the same instant, become the run, and the horizon moves to that day's end.
     *
     * @return false if no day is left
     */
    private boolean openNextDay() {
        Map.Entry<Long, Bucket> first = buckets.pollFirstEntry();
        if (first == null) {
            return false;
        }
        long day = first.getKey();
        horizon = day >= Long.MAX_VALUE / BUCKET ? NONE : (day + 1) * BUCKET;
        Bucket b = first.getValue();
        int n = b.size;
        waiting -= n;
        // the time of day (under 2^27 ms) and the place in the bucket in one long: a primitive sort
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = Math.floorMod(b.members[i].dueAt(), BUCKET) << 32 | i;
        }
        Arrays.sort(order);
        CustomerRecord[] sorted = new CustomerRecord[n];
        long[] sortedKeys = new long[n];
        for (int j = 0; j < n; j++) {
            CustomerRecord c = b.members[(int) order[j]];
            long key = c.dueAt();
            int m = j;
            for (; m > 0 && sortedKeys[m - 1] == key && sorted[m - 1].getId().compareTo(c.getId()) > 0; m--) {
                sorted[m] = sorted[m - 1]; // due at the same instant: by id
            }
            sorted[m] = c;
            sortedKeys[j] = key;
        }
        for (int j = 0; j < n; j++) {
            sorted[j].indexSlot(RUN + j);
        }
        run = sorted;
        runKeys = sortedKeys;
        head = 0;
        inRun = n;
        return true;
    }

    private void removeAt(int i) {
        heap[i].indexSlot(ABSENT);
        size--;
        CustomerRecord last = heap[size];
        long lastKey = keys[size];
        heap[size] = null;
        if (i != size) {
            if (up(i, last, lastKey) == i) {
                down(i, last, lastKey);
            }
        }
    }

    /** @return true if (key a, customer a) comes before (key b, customer b) */
    private static boolean less(long ka, CustomerRecord a, long kb, CustomerRecord b) {
        return ka < kb || (ka == kb && a.getId().compareTo(b.getId()) < 0);
    }

    /** Moves {@code c} with key {@code k} from slot {@code i} towards the root; @return the slot it ends in */
    private int up(int i, CustomerRecord c, long k) {
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!less(k, c, keys[parent], heap[parent])) {
                break;
            }
            place(i, heap[parent], keys[parent]);
            i = parent;
        }
        place(i, c, k);
        return i;
    }

    /** Moves {@code c} with key {@code k} from slot {@code i} towards the leaves. */
    private void down(int i, CustomerRecord c, long k) {
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            int end = Math.min(first + 4, size);
            for (int j = first + 1; j < end; j++) {
                if (less(keys[j], heap[j], keys[best], heap[best])) {
                    best = j;
                }
            }
            if (!less(keys[best], heap[best], k, c)) {
                break;
            }
            place(i, heap[best], keys[best]);
            i = best;
        }
        place(i, c, k);
    }

    private void place(int i, CustomerRecord c, long k) {
        heap[i] = c;
        keys[i] = k;
        c.indexSlot(i);
    }
}
