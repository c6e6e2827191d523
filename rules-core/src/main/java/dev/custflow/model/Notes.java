package dev.custflow.model;

import java.util.Arrays;

/**
 * What rules have already done for a customer, by key ("ONBOARDING", "CROSS_SELL:A>B"...), so a
 * trigger fires once per cause and not on every later event. Keys are interned strings.
 */
final class Notes {
    String[] keys = new String[0];

    boolean has(String key) {
        for (String k : keys) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    boolean add(String key) {
        if (has(key)) {
            return false;
        }
        keys = Arrays.copyOf(keys, keys.length + 1);
        keys[keys.length - 1] = key.intern();
        return true;
    }

    boolean remove(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                String[] k = new String[keys.length - 1];
                System.arraycopy(keys, 0, k, 0, i);
                System.arraycopy(keys, i + 1, k, i, keys.length - i - 1);
                keys = k;
                return true;
            }
        }
        return false;
    }
}
