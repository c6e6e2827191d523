package dev.custflow.internal.runtime;

import dev.custflow.internal.profile.CustomerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A partition's customers by id: open addressing with linear probing over the records themselves, keyed by each
 * record's own id, in a power-of-two table at most half full; a removal shifts the entries after it back (no
 * "removed" markers, so probes never pass over dead slots and the table never rehashes at a steady size).
 *
 * <p>Why not a general map: a map of id to record keeps the id twice (key and the record's field) and, when chained,
 * a bucket array per collision; this keeps one reference per slot (W4 in BENCHMARKS.md: bytes per customer). A probe
 * compares the id's hash first (String caches it), so a miss rarely compares text.
 *
 * <p>Iteration runs in slot order: the same operations in the same order give the same order, but it is no
 * insertion order. Nothing the engine emits depends on it (actions sort by {@code Emitted.ORDER}).
 */
final class CustomerTable {
    /** The most slots a Java array can have as a power of two; past half of it the table fills up rather than grow. */
    private static final int MAX_SLOTS = 1 << 30;
    private static final int INITIAL_SLOTS = 16;

    private CustomerRecord[] slots;
    private int mask;
    private int shift;
    private int size;

    CustomerTable() {
        allocate(INITIAL_SLOTS);
    }

    private void allocate(int n) {
        slots = new CustomerRecord[n];
        mask = n - 1;
        shift = 32 - Integer.numberOfTrailingZeros(n);
    }

    /** The high bits of a Fibonacci hash: ids that differ only in their last characters spread over the table. */
    private int home(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    int size() {
        return size;
    }

    /** @return the customer with this id, or null */
    CustomerRecord get(String id) {
        int h = id.hashCode();
        for (int i = home(h); ; i = (i + 1) & mask) {
            CustomerRecord c = slots[i];
            if (c == null) {
                return null;
            }
            String k = c.getId();
            if (k.hashCode() == h && k.equals(id)) {
                return c;
            }
        }
    }

    /** @return the record in the home slot of ids with this hash, whichever id it has, or null ({@link ReadAhead}) */
    CustomerRecord atHome(int idHash) {
        return slots[home(idHash)];
    }

    boolean containsKey(String id) {
        return get(id) != null;
    }

    /** Stores the customer under its id, replacing the record that had that id. */
    void put(CustomerRecord customer) {
        String id = Objects.requireNonNull(customer, "customer").getId();
        int h = id.hashCode();
        int i = home(h);
        for (; ; i = (i + 1) & mask) {
            CustomerRecord c = slots[i];
            if (c == null) {
                break;
            }
            String k = c.getId();
            if (k.hashCode() == h && k.equals(id)) {
                slots[i] = customer;
                return;
            }
        }
        if (size == mask) {
            throw new IllegalStateException("a partition of more than " + mask + " customers");
        }
        slots[i] = customer;
        if (++size > slots.length / 2 && slots.length < MAX_SLOTS) {
            grow();
        }
    }

    /** @return the customer removed, or null if no customer had this id */
    CustomerRecord remove(String id) {
        int h = id.hashCode();
        int i = home(h);
        CustomerRecord removed;
        for (; ; i = (i + 1) & mask) {
            removed = slots[i];
            if (removed == null) {
                return null;
            }
            String k = removed.getId();
            if (k.hashCode() == h && k.equals(id)) {
                break;
            }
        }
        // shift back each later entry of the run whose home is not between the hole and it (Knuth's Algorithm R)
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int k = home(slots[j].getId().hashCode());
            if (((j - k) & mask) >= ((j - i) & mask)) {
                slots[i] = slots[j];
                i = j;
            }
        }
        slots[i] = null;
        size--;
        return removed;
    }

    /** Visits every customer, in slot order. */
    void forEach(Consumer<? super CustomerRecord> visitor) {
        for (CustomerRecord c : slots) {
            if (c != null) {
                visitor.accept(c);
            }
        }
    }

    /** @return the customers now, in slot order (a copy: the table may change while the caller walks it) */
    List<CustomerRecord> toList() {
        List<CustomerRecord> all = new ArrayList<>(size);
        forEach(all::add);
        return all;
    }

    private void grow() {
        CustomerRecord[] old = slots;
        allocate(old.length * 2);
        for (CustomerRecord c : old) {
            if (c != null) {
                int i = home(c.getId().hashCode());
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = c;
            }
        }
    }
}
