package dev.custflow.internal.index;

/**
 * The map of a window of ids ({@link SeenIds}): each id's first 64-bit hash to its second. Open addressing with
 * linear probing in one {@code long[]} (a slot is the two hashes side by side, so a probe reads one cache line), at
 * most half full, and deletion by shifting the entries after the removed one back (no "removed" markers).
 *
 * <p>Why not a general primitive map: a window at its capacity removes its oldest id for every new one. A map that
 * marks removed slots makes later probes pass over the marks and rehashes its whole table when they pile up; this
 * one leaves no marks and never rehashes at a steady size, and {@link #get} answers "seen?" in one probe.
 */
final class IdHashTable {
    /** A free slot's first hash; an id whose first hash is 0 is kept aside ({@link #zeroPresent}). */
    private static final long FREE = 0;
    /** The most slots (8 GB of table): beyond half of it the table fills up rather than grow. */
    private static final int MAX_SLOTS = 1 << 29;

    private long[] slots;
    private int mask;
    private int shift;
    private int size;
    private boolean zeroPresent;
    private long zeroValue;

    /** @param expected how many entries it should hold without growing */
    IdHashTable(int expected) {
        int n = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1; // a power of two, at least twice expected
        allocate(Math.min(n, MAX_SLOTS));
    }

    private void allocate(int n) {
        slots = new long[2 * n];
        mask = n - 1;
        shift = 64 - Integer.numberOfTrailingZeros(n);
    }

    int size() {
        return size;
    }

    private int home(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift); // the high bits of a Fibonacci hash
    }

    /** @return the second hash stored for {@code key}, or {@code absent} */
    long get(long key, long absent) {
        if (key == FREE) {
            return zeroPresent ? zeroValue : absent;
        }
        for (int i = home(key); ; i = (i + 1) & mask) {
            long k = slots[2 * i];
            if (k == key) {
                return slots[2 * i + 1];
            }
            if (k == FREE) {
                return absent;
            }
        }
    }

    boolean containsKey(long key) {
        if (key == FREE) {
            return zeroPresent;
        }
        for (int i = home(key); ; i = (i + 1) & mask) {
            long k = slots[2 * i];
            if (k == key) {
                return true;
            }
            if (k == FREE) {
                return false;
            }
        }
    }

    /** Stores {@code value} for {@code key}, replacing what it had. */
    void put(long key, long value) {
        if (key == FREE) {
            size += zeroPresent ? 0 : 1;
            zeroPresent = true;
            zeroValue = value;
            return;
        }
        if (size == mask) {
            throw new IllegalStateException("an id window of more than " + mask + " ids");
        }
        int i = home(key);
        for (; ; i = (i + 1) & mask) {
            long k = slots[2 * i];
            if (k == key) {
                slots[2 * i + 1] = value;
                return;
            }
            if (k == FREE) {
                break;
            }
        }
        slots[2 * i] = key;
        slots[2 * i + 1] = value;
        if (++size > (mask + 1) / 2 && mask + 1 < MAX_SLOTS) {
            grow();
        }
    }

    /** Removes {@code key} if present. */
    void remove(long key) {
        if (key == FREE) {
            size -= zeroPresent ? 1 : 0;
            zeroPresent = false;
            return;
        }
        int i = home(key);
        for (; ; i = (i + 1) & mask) {
            long k = slots[2 * i];
            if (k == key) {
                break;
            }
            if (k == FREE) {
                return;
            }
        }
        size--;
        // shift back every entry after the gap that probing from its home would no longer find
        for (int j = (i + 1) & mask; ; j = (j + 1) & mask) {
            long k = slots[2 * j];
            if (k == FREE) {
                break;
            }
            int h = home(k);
            boolean stays = i <= j ? i < h && h <= j : i < h || h <= j;
            if (!stays) {
                slots[2 * i] = k;
                slots[2 * i + 1] = slots[2 * j + 1];
                i = j;
            }
        }
        slots[2 * i] = FREE;
        slots[2 * i + 1] = 0;
    }

    private void grow() {
        long[] old = slots;
        allocate(2 * (mask + 1));
        for (int s = 0; s < old.length; s += 2) {
            long k = old[s];
            if (k != FREE) {
                int i = home(k);
                while (slots[2 * i] != FREE) {
                    i = (i + 1) & mask;
                }
                slots[2 * i] = k;
                slots[2 * i + 1] = old[s + 1];
            }
        }
    }
}
