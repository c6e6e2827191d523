package dev.custflow.model;

import dev.custflow.action.Level;
import java.util.Arrays;

/**
 * A customer's open churn warnings: one per cause at most (RULES-CATALOG.md §7). Causes are
 * interned strings from a small vocabulary, so a handful of references and bytes per customer.
 */
final class Warnings {
    private static final String[] NONE = new String[0];

    String[] causes = NONE;
    byte[] levels = new byte[0];

    int indexOf(String cause) {
        for (int i = 0; i < causes.length; i++) {
            if (causes[i].equals(cause)) {
                return i;
            }
        }
        return -1;
    }

    boolean open(String cause, Level level) {
        if (indexOf(cause) >= 0) {
            return false;
        }
        causes = Arrays.copyOf(causes, causes.length + 1);
        causes[causes.length - 1] = cause.intern();
        levels = Arrays.copyOf(levels, levels.length + 1);
        levels[levels.length - 1] = (byte) level.ordinal();
        return true;
    }

    boolean close(String cause) {
        int i = indexOf(cause);
        if (i < 0) {
            return false;
        }
        String[] c = new String[causes.length - 1];
        byte[] l = new byte[levels.length - 1];
        for (int j = 0, k = 0; j < causes.length; j++) {
            if (j != i) {
                c[k] = causes[j];
                l[k++] = levels[j];
            }
        }
        causes = c.length == 0 ? NONE : c;
        levels = l;
        return true;
    }

    Level highest() {
        int max = -1;
        for (byte b : levels) {
            max = Math.max(max, b);
        }
        return max < 0 ? null : Level.values()[max];
    }
}
