package dev.custflow.internal.index;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable action ids: a name-based UUID (RFC 4122 version 3) of the action's cause, so the same
 * rule, customer, action type and cause always give the same id, on any machine, in any run.
 */
public final class StableIds {
    /** A thread's MD5 and the bytes of the key it digests. */
    private static final ThreadLocal<Keys> KEYS = ThreadLocal.withInitial(Keys::new);

    private static final class Keys {
        /** The key of an id written straight into bytes when it is ASCII (the usual: names, types, ids, causes). */
        final byte[] ascii = new byte[512];
        final Md5 md5 = new Md5();
        /**
         * The rule and type whose bytes begin {@link #ascii} now (null if none), where they end, and the digest of
         * their whole blocks: a rule's actions of one type share it (a long rule name fills the first block).
         */
        String rule;
        String type;
        int prefixEnd;
        final Md5 prefix = new Md5();
    }

    private StableIds() {
    }

    public static String of(String rule, String type, String customerId, String cause, int sequence) {
        Keys keys = KEYS.get();
        byte[] key = keys.ascii;
        if (!rule.equals(keys.rule) || !type.equals(keys.type)) {
            keys.rule = null;
            int n = ascii(key, ascii(key, 0, rule), type);
            if (n < 0) {
                return utf8(rule, type, customerId, cause, sequence);
            }
            keys.prefix.reset();
            keys.prefix.blocks(key, n & ~63);
            keys.prefixEnd = n;
            keys.rule = rule;
            keys.type = type;
        }
        int n = ascii(key, keys.prefixEnd, customerId);
        n = ascii(key, n, cause);
        n = ascii(key, n, Integer.toString(sequence));
        if (n < 0) {
            return utf8(rule, type, customerId, cause, sequence);
        }
        keys.md5.resume(keys.prefix);
        keys.md5.finish(key, keys.prefixEnd & ~63, n - 1); // without the last separator
        return uuid(keys.md5).toString();
    }

    /** A character beyond ASCII, or a long key: the UTF-8 of the whole string, as always. */
    private static String utf8(String rule, String type, String customerId, String cause, int sequence) {
        String text = rule + '\u0001' + type + '\u0001' + customerId + '\u0001' + cause + '\u0001' + sequence;
        return nameUuid(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Writes {@code s} and a separator at {@code at}.
     *
     * @return where the next part goes, or -1 if {@code at} was -1, {@code s} is not ASCII or does not fit
     */
    private static int ascii(byte[] to, int at, String s) {
        int n = s.length();
        if (at < 0 || at + n + 1 > to.length) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            to[at + i] = (byte) c;
        }
        to[at + n] = 1;
        return at + n + 1;
    }

    /** What {@code UUID.nameUUIDFromBytes} gives. */
    static UUID nameUuid(byte[] name) {
        Md5 md5 = KEYS.get().md5;
        md5.digest(name, name.length);
        return uuid(md5);
    }

    /** The name-based UUID of a digest: its version (3) and variant (IETF) bits set as RFC 4122 says. */
    private static UUID uuid(Md5 md5) {
        long msb = (md5.high() & ~0xf000L) | 0x3000L;
        long lsb = (md5.low() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
