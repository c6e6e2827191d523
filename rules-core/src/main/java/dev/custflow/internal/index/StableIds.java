package dev.custflow.internal.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Stable action ids: a name-based UUID (RFC 4122 version 3) of the action's cause, so the same
 * rule, customer, action type and cause always give the same id, on any machine, in any run.
 */
public final class StableIds {
    /**
     * One MD5 digest per thread: {@code UUID.nameUUIDFromBytes} looks the algorithm up among the security providers
     * and builds a digest at every call, a tenth of the cost of an action in W2's daily tick.
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalError("MD5 not supported", e); // every Java platform has it
        }
    });

    private StableIds() {
    }

    public static String of(String rule, String type, String customerId, String cause, int sequence) {
        byte[] key = ASCII_KEY.get();
        int n = ascii(key, 0, rule);
        n = ascii(key, n, type);
        n = ascii(key, n, customerId);
        n = ascii(key, n, cause);
        n = ascii(key, n, Integer.toString(sequence));
        if (n < 0) { // a character beyond ASCII, or a long key: the UTF-8 of the whole string, as always
            String text = rule + '\u0001' + type + '\u0001' + customerId + '\u0001' + cause + '\u0001' + sequence;
            return nameUuid(text.getBytes(StandardCharsets.UTF_8)).toString();
        }
        MessageDigest md5 = MD5.get();
        md5.update(key, 0, n - 1); // without the last separator
        return uuid(md5.digest()).toString();
    }

    /**
     * The key of an id written straight into bytes when it is ASCII (the usual: rule names, types, ids and causes),
     * its UTF-8 without building the string first.
     */
    private static final ThreadLocal<byte[]> ASCII_KEY = ThreadLocal.withInitial(() -> new byte[512]);

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

    /** What {@code UUID.nameUUIDFromBytes} gives, with the thread's digest. */
    static UUID nameUuid(byte[] name) {
        return uuid(MD5.get().digest(name)); // digest() resets it for the next call
    }

    private static UUID uuid(byte[] md5) {
        md5[6] &= 0x0f; // version 3
        md5[6] |= 0x30;
        md5[8] &= 0x3f; // IETF variant
        md5[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (md5[i] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
