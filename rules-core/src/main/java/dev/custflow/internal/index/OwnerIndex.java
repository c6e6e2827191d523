package dev.custflow.internal.index;

import dev.custflow.internal.snapshot.SegmentedState;
import dev.custflow.internal.snapshot.Segments;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;

import java.util.Map;
import java.util.Set;

/**
 * The customers of the most recent {@code capacity} order (or ticket) ids, first in first out: when it is full,
 * the id added longest ago is forgotten. Insertion order (rather than use) decides, so that the index is
 * append-mostly and a commit writes only its newest segment ({@link Segments}).
 *
 * <p>Ids are found through a table of ring places (open addressing, linear probing, at most half full, removal by
 * shifting back): the ring holds the keys already, so the table keeps 4 bytes a slot where a map of key to place
 * kept a second reference to each key (W4 in BENCHMARKS.md: bytes per customer). A probe compares the cached
 * String hashes before the text.
 */
public final class OwnerIndex implements SegmentedState {
    private final int capacity;
    private String[] keys;
    private String[] owners;
    /** Ring places plus one by key hash; 0 is a free slot. Sized for the ring's length, rebuilt when it grows. */
    private int[] table;
    private int shift;
    /** The ring place of the oldest entry. */
    private int start;
    private int size;
    /** Entries added ever: the sequence number of the next. */
    private long added;
    private final Segments segments = new Segments();

    public OwnerIndex(int capacity) {
        this.capacity = Segments.capacity(capacity);
        int initial = Math.min(capacity, 1024);
        this.keys = new String[initial];
        this.owners = new String[initial];
        allocateTable(initial);
    }

    /**
     * Stands for the owner of an id whose owner was erased: the entry keeps its place in the window (so stored
     * segments stay a window) but names nobody; an id is never blank.
     */
    private static final String ERASED = "";

    /** @return the owner of the id, or null if it is not remembered (or its owner was erased) */
    public String get(String key) {
        int i = find(key);
        return i < 0 || owners[i].equals(ERASED) ? null : owners[i];
    }

    /**
     * Forgets which ids these owners had (they were erased): each of their entries names nobody from now on, and
     * the segments holding them are written again at the next commit, without them.
     *
     * @param erased owners to forget
     */
    public void forgetOwners(Set<String> erased) {
        for (int j = 0; j < size; j++) {
            int p = (start + j) % keys.length;
            if (erased.contains(owners[p])) {
                owners[p] = ERASED;
                segments.touch(added - size + j);
            }
        }
    }

    /** Remembers the owner of an id: a new id is the newest, a known one keeps its place. */
    public void put(String key, String owner) {
        int i = find(key);
        if (i >= 0) {
            if (!owners[i].equals(owner)) {
                owners[i] = owner;
                segments.touch(added - size + Math.floorMod(i - start, keys.length));
            }
            return;
        }
        append(key, owner);
    }

    private void append(String key, String owner) {
        if (size == capacity) {
            unlink(start);
            keys[start] = null;
            owners[start] = null;
            start = (start + 1) % keys.length;
            size--;
        } else if (size == keys.length) {
            grow();
        }
        int p = (start + size) % keys.length;
        keys[p] = key;
        owners[p] = owner;
        link(p);
        segments.touch(added);
        added++;
        size++;
    }

    private void grow() {
        int n = (int) Math.min(capacity, 2L * keys.length);
        String[] k = new String[n];
        String[] o = new String[n];
        for (int j = 0; j < size; j++) {
            int p = (start + j) % keys.length;
            k[j] = keys[p];
            o[j] = owners[p];
        }
        keys = k;
        owners = o;
        start = 0;
        allocateTable(n);
        for (int j = 0; j < size; j++) {
            link(j);
        }
    }

    /** A table of at least twice as many slots as the ring has places, so it is at most half full. */
    private void allocateTable(int ringLength) {
        int n = Integer.highestOneBit(Math.max(4, ringLength) * 2 - 1) << 1;
        table = new int[n];
        shift = 32 - Integer.numberOfTrailingZeros(n);
    }

    /** The high bits of a Fibonacci hash: ids that differ only in their last characters spread over the table. */
    private int home(String key) {
        return (key.hashCode() * 0x9E3779B9) >>> shift;
    }

    /** @return the ring place of the key, or -1 */
    private int find(String key) {
        int mask = table.length - 1;
        int h = key.hashCode();
        for (int i = home(key); ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                return -1;
            }
            String k = keys[v - 1];
            if (k.hashCode() == h && k.equals(key)) {
                return v - 1;
            }
        }
    }

    /** Enters the ring place of a key not in the table yet. */
    private void link(int place) {
        int mask = table.length - 1;
        int i = home(keys[place]);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = place + 1;
    }

    /** Takes a ring place out of the table (its key still in the ring), shifting later entries back. */
    private void unlink(int place) {
        int mask = table.length - 1;
        int i = home(keys[place]);
        while (table[i] != place + 1) {
            i = (i + 1) & mask;
        }
        // each later entry of the run whose home is not between the hole and it moves into the hole
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int k = home(keys[table[j] - 1]);
            if (((j - k) & mask) >= ((j - i) & mask)) {
                table[i] = table[j];
                i = j;
            }
        }
        table[i] = 0;
    }

    int size() {
        return size;
    }

    /** Adds the entries format version 1 wrote (oldest first); their segments are written at the next commit. */
    public void read(SnapshotInput in) {
        int n = in.readVarInt();
        for (int j = 0; j < n; j++) {
            put(in.readString(), in.readString());
        }
    }

    /** Writes where the index stands (its segments are separate parts: {@link #writeParts}). */
    @Override
    public void writeHeader(SnapshotOutput o) {
        o.writeVarLong(added);
        o.writeVarInt(size);
    }

    /** Writes the segments that changed since the last call, and names those that left the index. */
    @Override
    public void writeParts(String prefix, Map<String, byte[]> out, Set<String> gone) {
        long first = added - size;
        segments.emit(prefix, first, added, out, gone, (o, from, to) -> {
            for (long s = from; s < to; s++) {
                int p = (int) ((start + (s - first)) % keys.length);
                o.writeString(keys[p]);
                o.writeString(owners[p]);
            }
        });
    }

    /** Restores what {@link #writeHeader} and {@link #writeParts} wrote into an empty index. */
    @Override
    public void restore(SnapshotInput header, Map<String, byte[]> parts, String prefix) {
        long storedAdded = header.readVarLong();
        int storedSize = header.readVarInt();
        long first = storedAdded - storedSize;
        long keep = Math.max(first, storedAdded - capacity);
        int n = (int) (storedAdded - keep);
        if (size == 0 && n > keys.length) {
            // sized once, not grown by doubling through a million ids (part of a restart's time)
            keys = new String[n];
            owners = new String[n];
            start = 0;
            allocateTable(n);
        }
        segments.restore(parts, prefix, first, keep, storedAdded, (in, s) -> {
            String key = in.readString();
            String owner = in.readString();
            if (s >= keep) {
                if (find(key) >= 0) {
                    throw new IllegalArgumentException("engine state parts " + prefix + "* hold " + s + " twice");
                }
                if (size == keys.length) {
                    grow();
                }
                int p = (start + size) % keys.length;
                keys[p] = key;
                owners[p] = owner;
                link(p);
                size++;
            }
        });
        added = storedAdded;
    }
}
