package dev.custflow.model;

/**
 * What rules have already done for a customer, by key ("ONBOARDING", "CROSS_SELL:A>B",
 * "BIRTHDAY:2025"...), so a trigger fires once per cause and not on every later event. Only a 64-bit
 * hash of each key is kept: keys such as "REVISIT:2025-03-01T02:00:00Z" are unique per customer and
 * accumulate, and as strings they cost about 80 bytes each against 8 (a wrong "already done" would
 * need two of one customer's keys to share a 64-bit hash, about one chance in 10^17). Engine use: rules
 * read it through {@link Customer}; the engine's subclass adds and removes notes.
 */
public abstract class Notes {
    protected long[] hashes = new long[0];

    /** Only the engine creates note lists. */
    protected Notes() {
    }

    /** @param h a key's hash @return its index in {@link #hashes}, or -1 */
    protected final int indexOf(long h) {
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] == h) {
                return i;
            }
        }
        return -1;
    }

    final boolean has(String key) {
        return indexOf(hash(key)) >= 0;
    }

    /**
     * FNV-1a over the characters, then a 64-bit finaliser so similar keys spread.
     *
     * @param key a note's key
     * @return its hash
     */
    protected static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
