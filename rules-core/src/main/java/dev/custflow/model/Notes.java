package dev.custflow.model;

import java.util.Arrays;

/**
 * What rules have already done for a customer, by key ("ONBOARDING", "CROSS_SELL:A>B",
 * "BIRTHDAY:2025"...), so a trigger fires once per cause and not on every later event. Only a 64-bit
 * hash of each key is kept: keys such as "REVISIT:2025-03-01T02:00:00Z" are unique per customer and
 * accumulate, and as strings they cost about 80 bytes each against 8 (a wrong "already done" would
 * need two of one customer's keys to share a 64-bit hash, about one chance in 10^17).
 */
final class Notes {
    long[] hashes = new long[0];

    /** Adds another profile's notes (a merge). */
    void fold(Notes other) {
        for (long h : other.hashes) {
            if (indexOf(h) < 0) {
                hashes = Arrays.copyOf(hashes, hashes.length + 1);
                hashes[hashes.length - 1] = h;
            }
        }
    }

    boolean has(String key) {
        return indexOf(hash(key)) >= 0;
    }

    boolean add(String key) {
        long h = hash(key);
        if (indexOf(h) >= 0) {
            return false;
        }
        hashes = Arrays.copyOf(hashes, hashes.length + 1);
        hashes[hashes.length - 1] = h;
        return true;
    }

    boolean remove(String key) {
        int i = indexOf(hash(key));
        if (i < 0) {
            return false;
        }
        long[] k = new long[hashes.length - 1];
        System.arraycopy(hashes, 0, k, 0, i);
        System.arraycopy(hashes, i + 1, k, i, hashes.length - i - 1);
        hashes = k;
        return true;
    }

    private int indexOf(long h) {
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] == h) {
                return i;
            }
        }
        return -1;
    }

    /** FNV-1a over the characters, then a 64-bit finaliser so similar keys spread. */
    static long hash(String key) {
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
