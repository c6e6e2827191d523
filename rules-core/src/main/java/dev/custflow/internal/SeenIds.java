package dev.custflow.internal;

import org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap;

/**
 * The most recent {@code capacity} ids seen (event ids, action ids), first in first out. Ids are
 * kept as two independent 64-bit hashes (128 bits; no accidental collision in practice), about 40
 * bytes per id instead of the ~150 of a cache entry holding the string.
 */
final class SeenIds {
    private final int capacity;
    private final long[] ring;
    private final LongLongHashMap index;
    private int next;
    private int size;

    SeenIds(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0: " + capacity);
        }
        this.capacity = capacity;
        this.ring = new long[capacity];
        this.index = new LongLongHashMap(Math.min(capacity, 1 << 16));
    }

    /** @return true if the id was not seen (and remembers it now) */
    boolean add(String id) {
        long h1 = hash(id, 0xcbf29ce484222325L);
        long h2 = hash(id, 0x84222325cbf29ce4L);
        if (index.containsKey(h1)) {
            return index.get(h1) != h2; // a different id with the same first hash: not seen (not remembered)
        }
        if (size == capacity) {
            index.remove(ring[next]);
        } else {
            size++;
        }
        ring[next] = h1;
        next = (next + 1) % capacity;
        index.put(h1, h2);
        return true;
    }

    /** @return true if the id is among those remembered */
    boolean contains(String id) {
        long h1 = hash(id, 0xcbf29ce484222325L);
        return index.containsKey(h1) && index.get(h1) == hash(id, 0x84222325cbf29ce4L);
    }

    /** Forgets an id that was just added (its event was rejected after all). */
    void forgetLast(String id) {
        long h1 = hash(id, 0xcbf29ce484222325L);
        int last = (next - 1 + capacity) % capacity;
        if (size > 0 && ring[last] == h1) {
            index.remove(h1);
            next = last;
            size--;
        }
    }

    int size() {
        return size;
    }

    /** FNV-1a over the UTF-16 chars, finished with MurmurHash3's 64-bit mixer. */
    private static long hash(String s, long seed) {
        long h = seed;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
