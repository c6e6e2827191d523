package dev.custflow.internal.index;

/**
 * The 64-bit hashes the indexes key ids by: FNV-1a, then MurmurHash3's finaliser so that similar ids spread.
 * Their values are part of stored snapshots and of the order of tied ranks, so they never change.
 */
public final class Hashes {
    /** FNV-1a's offset basis. */
    public static final long FNV_BASIS = 0xcbf29ce484222325L;
    /** FNV-1a's prime. */
    public static final long FNV_PRIME = 0x100000001b3L;

    private Hashes() {
    }

    /** @return FNV-1a over the UTF-16 chars of {@code s}, from {@code basis} */
    public static long fnv1a(String s, long basis) {
        long h = basis;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** @return the first round of MurmurHash3's 64-bit finaliser */
    public static long halfMix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    /** @return MurmurHash3's 64-bit finaliser */
    public static long mix(long h) {
        h = halfMix(h);
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
