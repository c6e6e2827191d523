package dev.custflow.internal.index;

import dev.custflow.internal.profile.CustomerRecord;
import java.util.Arrays;

/**
 * The due-time index of one partition: a min-heap of customers by the next instant a time rule may change its mind
 * (ties by customer id, so wake order is deterministic). Each customer remembers its slot, so rescheduling is
 * O(log n) and a tick costs what is due, not the base.
 *
 * <p>The heap is 4-ary and keeps each slot's due time in an array beside the customers: with a million customers a
 * comparison that read the customer's own field was a cache miss, and a 4-ary heap has half the levels, its four
 * children's due times in one cache line (W2 in BENCHMARKS.md).
 */
public final class DueIndex {
    public static final long NONE = Long.MAX_VALUE;

    private CustomerRecord[] heap = new CustomerRecord[64];
    /** The due time of the customer in each slot (equal to its {@code dueAt()}). */
    private long[] keys = new long[64];
    private int size;

    public int size() {
        return size;
    }

    /** @return the earliest due instant (epoch millis), or {@link #NONE} */
    public long peekDue() {
        return size == 0 ? NONE : keys[0];
    }

    /** Removes and returns the earliest customer; its due time stays readable until rescheduled. */
    public CustomerRecord poll() {
        CustomerRecord top = heap[0];
        removeAt(0);
        return top;
    }

    /** Sets (or clears, with {@link #NONE}) a customer's due time. */
    public void schedule(CustomerRecord c, long due) {
        int slot = c.indexSlot();
        if (due == NONE) {
            if (slot >= 0) {
                removeAt(slot);
            }
            c.dueAt(NONE);
            return;
        }
        if (slot < 0) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
            c.dueAt(due);
            up(size++, c, due);
        } else {
            long old = keys[slot];
            c.dueAt(due);
            if (due < old) {
                up(slot, c, due);
            } else if (due > old) {
                down(slot, c, due);
            }
        }
    }

    /**
     * Adds a customer not in the index without ordering it yet (a restart's bulk load): {@link #heapify} must follow
     * before any other call. A million sift-ups cost more than one heap built bottom-up at the end.
     */
    public void append(CustomerRecord c, long due) {
        if (due == NONE) {
            c.dueAt(NONE);
            return;
        }
        if (c.indexSlot() >= 0) {
            throw new IllegalStateException("customer " + c.getId() + " is already in the due-time index");
        }
        if (size == heap.length) {
            int grown = Math.max(size * 2, 64);
            heap = Arrays.copyOf(heap, grown);
            keys = Arrays.copyOf(keys, grown);
        }
        c.dueAt(due);
        place(size++, c, due);
    }

    /** Restores the heap order after {@link #append}: each inner slot sifted down, from the last to the root. */
    public void heapify() {
        for (int i = (size - 2) >>> 2; size > 1 && i >= 0; i--) {
            down(i, heap[i], keys[i]);
        }
    }

    private void removeAt(int i) {
        heap[i].indexSlot(-1);
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
