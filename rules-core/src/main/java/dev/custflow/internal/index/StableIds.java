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
        String key = rule + '\u0001' + type + '\u0001' + customerId + '\u0001' + cause + '\u0001' + sequence;
        return nameUuid(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** What {@code UUID.nameUUIDFromBytes} gives, with the thread's digest. */
    static UUID nameUuid(byte[] name) {
        byte[] md5 = MD5.get().digest(name); // digest() resets it for the next call
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
