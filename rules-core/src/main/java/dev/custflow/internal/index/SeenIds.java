package dev.custflow.internal.index;

import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;

import dev.custflow.internal.snapshot.SegmentedState;
import dev.custflow.internal.snapshot.Segments;


/**
 * The most recent {@code capacity} ids seen (event ids, action ids), first in first out. Ids are
 * kept as two independent 64-bit hashes (128 bits; no accidental collision in practice), about 40
 * bytes per id instead of the ~150 of a cache entry holding the string.
 */
public final class SeenIds implements SegmentedState {
    /** The second hash's FNV-1a basis: the first's with its halves swapped (stored in snapshots: never change it). */
    private static final long SECOND_BASIS = 0x84222325cbf29ce4L;
    private final int capacity;
    private final long[] ring;
    /** The second hashes in ring order, kept only for snapshots (null until {@link #keepForSnapshots()}). */
    private long[] ring2;
    /** First hash to second; replaced by one of the right size when a stored window is restored into an empty one. */
    private IdHashTable index;
    private int next;
    private int size;
    private String lastId;
    private long lastH1;
    private long lastH2;
    /** Ids remembered ever: the sequence number of the next one (the stored segments are ranges of these). */
    private long added;
    /** Segments of the stored window to write at the next commit. */
    private final Segments segments = new Segments();

    public SeenIds(int capacity) {
        this.capacity = Segments.capacity(capacity);
        this.ring = new long[capacity];
        this.index = new IdHashTable(Math.min(capacity, 1 << 16), this.capacity);
    }

    /** @return true if the id was not seen (and remembers it now) */
    public boolean add(String id) {
        hashes(id);
        long h1 = lastH1;
        long h2 = lastH2;
        // one probe of the map for the usual answers (a window of a million ids: each probe is a cache miss)
        long absent = ~h2;
        long found = index.get(h1, absent);
        if (found == h2) {
            return false;
        }
        if (found != absent || index.containsKey(h1)) {
            return true; // a different id with the same first hash: not seen (not remembered)
        }
        append(h1, h2);
        return true;
    }

    /** Remembers two hashes as the newest id (a new sequence number, its segment to write). */
    private void append(long h1, long h2) {
        segments.touch(added);
        added++;
        if (size == capacity) {
            index.remove(ring[next]);
        } else {
            size++;
        }
        ring[next] = h1;
        if (ring2 != null) {
            ring2[next] = h2;
        }
        next = (next + 1) % capacity;
        index.put(h1, h2);
    }

    /**
     * Reads the slot of the window's table where {@code id} would be, and nothing else: a read ahead of
     * {@link #add} or {@link #contains}, whose probe then finds the slot in the cache.
     *
     * @return the first hash kept in that slot (any id's, or 0)
     */
    public long peek(String id) {
        return index.atHome(Hashes.mix(Hashes.fnv1a(id, Hashes.FNV_BASIS)));
    }

    /** @return true if the id is among those remembered */
    public boolean contains(String id) {
        hashes(id);
        return index.get(lastH1, ~lastH2) == lastH2;
    }

    /**
     * Hashes an id into {@link #lastH1} and {@link #lastH2}, or keeps them when it is the id just hashed: the
     * engine asks "seen?" and then "remember" for every event, and hashing is a fair share of its cost.
     */
    private void hashes(String id) {
        if (id == lastId) {
            return;
        }
        // two seeds: 128 bits, so that two different ids are never taken for one; one pass over the id for both
        long h1 = Hashes.FNV_BASIS;
        long h2 = SECOND_BASIS;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            h1 = (h1 ^ c) * Hashes.FNV_PRIME;
            h2 = (h2 ^ c) * Hashes.FNV_PRIME;
        }
        lastH1 = Hashes.mix(h1);
        lastH2 = Hashes.mix(h2);
        lastId = id;
    }

    /** Forgets an id that was just added (its event was rejected after all). */
    void forgetLast(String id) {
        hashes(id);
        long h1 = lastH1;
        int last = (next - 1 + capacity) % capacity;
        if (size > 0 && ring[last] == h1) {
            index.remove(h1);
            next = last;
            size--;
            added--;
            segments.touch(added);
        }
    }

    /**
     * Keeps the second hashes in ring order too (8 bytes an id), so that {@link #writeParts} is a sequential copy
     * rather than a hash probe per id: an engine with a store writes the window's newest segment at every commit.
     */
    public void keepForSnapshots() {
        if (ring2 == null) {
            ring2 = new long[capacity];
            for (int k = 0; k < size; k++) {
                int i = Math.floorMod(next - size + k, capacity);
                ring2[i] = index.get(ring[i], 0);
            }
        }
    }

    /**
     * Remembers the ids format version 1 wrote (the whole window in one piece, oldest first, as their two hashes), after those
     * remembered now; the newest stay if they do not fit. Their segments are written at the next commit.
     */
    public void read(SnapshotInput in) {
        int n = in.readVarInt();
        for (int k = 0; k < n; k++) {
            long h1 = in.readLong();
            long h2 = in.readLong();
            if (!index.containsKey(h1)) {
                append(h1, h2);
            }
        }
        lastId = null;
    }

    /** Writes where the window stands (its segments are separate parts: {@link #writeParts}). */
    @Override
    public void writeHeader(SnapshotOutput o) {
        o.writeVarLong(added);
        o.writeVarInt(size);
    }

    /**
     * Writes the segments of the window that changed since the last call, and names those that left it.
     *
     * @param prefix the parts' key before the segment number
     * @param out    receives the changed segments
     * @param gone   receives the keys of the segments to delete
     */
    @Override
    public void writeParts(String prefix, java.util.Map<String, byte[]> out, java.util.Set<String> gone) {
        keepForSnapshots();
        long first = added - size;
        int start = Math.floorMod(next - size, capacity);
        segments.emit(prefix, first, added, out, gone, (o, from, to) -> {
            for (long s = from; s < to; s++) {
                int i = (int) ((start + (s - first)) % capacity);
                o.writeLong(ring[i]);
                o.writeLong(ring2[i]);
            }
        });
    }

    /**
     * Restores what {@link #writeHeader} and {@link #writeParts} wrote into an empty window; the newest stay if
     * they do not fit.
     */
    @Override
    public void restore(SnapshotInput header, java.util.Map<String, byte[]> parts, String prefix) {
        long storedAdded = header.readVarLong();
        int storedSize = header.readVarInt();
        long first = storedAdded - storedSize;
        long keep = Math.max(first, storedAdded - capacity);
        if (size == 0 && storedAdded - keep > index.size()) {
            // sized once, not grown by doubling through a million ids (part of a restart's time)
            index = new IdHashTable((int) (storedAdded - keep), capacity);
        }
        segments.restore(parts, prefix, first, keep, storedAdded, (in, s) -> {
            long h1 = in.readLong();
            long h2 = in.readLong();
            if (s >= keep) {
                index.put(h1, h2);
                ring[next] = h1;
                if (ring2 != null) {
                    ring2[next] = h2;
                }
                next = (next + 1) % capacity;
                size++;
            }
        });
        added = storedAdded;
        lastId = null;
    }

    int size() {
        return size;
    }

}
