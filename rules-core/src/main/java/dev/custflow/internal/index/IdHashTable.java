package dev.custflow.internal.index;

/**
 * The map of a window of ids ({@link SeenIds}): each id's first 64-bit hash to its second. Open addressing with
 * linear probing in one {@code long[]} (a slot is the two hashes side by side, so a probe reads one cache line), and
 * deletion by shifting the entries after the removed one back (no "removed" markers). It doubles while at most half
 * full, up to the slots its most entries need at {@link #FULLEST}: a window of 1,000,000 ids takes 1,428,572 slots
 * (22.9 MB) rather than the 2,097,152 (33.5 MB) of the next power of two, since any number of slots will do (a key's
 * home is its hash scaled to the table, not masked).
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
    /**
     * How full a table of its final size may be: a probe for a new id then reads about 6 slots on average (96 bytes,
     * two adjacent cache lines at most) against about 2.4 at half full.
     */
    static final double FULLEST = 0.7;

    private long[] slots;
    private int n;
    /** The slots it never grows beyond. */
    private final int ceiling;
    private int size;
    private boolean zeroPresent;
    private long zeroValue;

    /** @param expected how many entries it should hold without growing */
    IdHashTable(int expected) {
        this(expected, MAX_SLOTS / 2);
    }

    /**
     * @param expected how many entries it should hold without growing
     * @param most     the most entries it will ever hold (a window's capacity)
     */
    IdHashTable(int expected, int most) {
        ceiling = (int) Math.min(MAX_SLOTS, Math.max(16, (long) Math.ceil(Math.max(1, most) / FULLEST)));
        long twice = 2L * Math.max(8, expected);
        allocate((int) Math.min(ceiling, twice));
    }

    private void allocate(int slotCount) {
        slots = new long[2 * slotCount];
        n = slotCount;
    }

    /** @return the number of slots (for tests) */
    int slots() {
        return n;
    }

    int size() {
        return size;
    }

    private int home(long key) {
        // the high 32 bits of a Fibonacci hash, scaled to the table: any table size, no division
        return (int) ((((key * 0x9E3779B97F4A7C15L) >>> 32) * n) >>> 32);
    }

    private int next(int i) {
        return i + 1 == n ? 0 : i + 1;
    }

    /** @return the key in {@code key}'s home slot, whichever it is (0 when free): a read ahead of {@link #get} */
    long atHome(long key) {
        return slots[2 * home(key)];
    }

    /** @return the second hash stored for {@code key}, or {@code absent} */
    long get(long key, long absent) {
        if (key == FREE) {
            return zeroPresent ? zeroValue : absent;
        }
        for (int i = home(key); ; i = next(i)) {
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
        for (int i = home(key); ; i = next(i)) {
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
        if (size == n - 1) {
            throw new IllegalStateException("an id window of more than " + (n - 1) + " ids");
        }
        int i = home(key);
        for (; ; i = next(i)) {
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
        if (++size > n / 2 && n < ceiling) {
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
        for (; ; i = next(i)) {
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
        for (int j = next(i); ; j = next(j)) {
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
        allocate((int) Math.min(ceiling, 2L * n));
        for (int s = 0; s < old.length; s += 2) {
            long k = old[s];
            if (k != FREE) {
                int i = home(k);
                while (slots[2 * i] != FREE) {
                    i = next(i);
                }
                slots[2 * i] = k;
                slots[2 * i + 1] = old[s + 1];
            }
        }
    }
}
