package dev.custflow.internal.index;

import dev.custflow.internal.profile.CustomerRecord;
import java.util.Arrays;

/**
 * The due-time index of one partition: a binary min-heap of customers by the next instant a time
 * rule may change its mind (ties by customer id, so wake order is deterministic). Each customer
 * remembers its slot, so rescheduling is O(log n) and a tick costs what is due, not the base.
 */
public final class DueIndex {
    public static final long NONE = Long.MAX_VALUE;

    private CustomerRecord[] heap = new CustomerRecord[64];
    private int size;

    public int size() {
        return size;
    }

    /** @return the earliest due instant (epoch millis), or {@link #NONE} */
    public long peekDue() {
        return size == 0 ? NONE : heap[0].dueAt();
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
            }
            c.dueAt(due);
            heap[size] = c;
            c.indexSlot(size);
            size++;
            up(size - 1);
        } else {
            long old = c.dueAt();
            c.dueAt(due);
            if (due < old) {
                up(slot);
            } else if (due > old) {
                down(slot);
            }
        }
    }

    private void removeAt(int i) {
        CustomerRecord gone = heap[i];
        gone.indexSlot(-1);
        size--;
        if (i != size) {
            heap[i] = heap[size];
            heap[i].indexSlot(i);
            heap[size] = null;
            if (!up(i)) {
                down(i);
            }
        } else {
            heap[size] = null;
        }
    }

    private static boolean less(CustomerRecord a, CustomerRecord b) {
        long da = a.dueAt();
        long db = b.dueAt();
        return da < db || (da == db && a.getId().compareTo(b.getId()) < 0);
    }

    private boolean up(int i) {
        CustomerRecord c = heap[i];
        int start = i;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(c, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            heap[i].indexSlot(i);
            i = parent;
        }
        heap[i] = c;
        c.indexSlot(i);
        return i != start;
    }

    private void down(int i) {
        CustomerRecord c = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(heap[right], heap[child])) {
                child = right;
            }
            if (!less(heap[child], c)) {
                break;
            }
            heap[i] = heap[child];
            heap[i].indexSlot(i);
            i = child;
        }
        heap[i] = c;
        c.indexSlot(i);
    }
}
