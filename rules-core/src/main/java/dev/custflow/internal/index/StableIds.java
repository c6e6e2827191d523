package dev.custflow.internal.index;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable action ids: a name-based UUID (RFC 4122 version 3) of the action's cause, so the same
 * rule, customer, action type and cause always give the same id, on any machine, in any run.
 */
public final class StableIds {
    private StableIds() {
    }

    public static String of(String rule, String type, String customerId, String cause, int sequence) {
        String key = rule + '\u0001' + type + '\u0001' + customerId + '\u0001' + cause + '\u0001' + sequence;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
