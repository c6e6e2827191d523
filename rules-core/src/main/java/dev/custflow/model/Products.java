package dev.custflow.model;

import java.util.Arrays;

/**
 * The products (SKUs) a customer has bought, each with when it was first and last bought: what the
 * cross-sell rules ask ("bought A more than 6 months ago, never B"). SKUs are interned; at most
 * {@link #LIMIT} are kept, the least recently bought forgotten first.
 */
final class Products {
    static final int LIMIT = 32;

    String[] skus = new String[0];
    int[] firstMinute = new int[0];
    int[] lastMinute = new int[0];

    void bought(String sku, int minute) {
        int i = indexOf(sku);
        if (i >= 0) {
            firstMinute[i] = Math.min(firstMinute[i], minute);
            lastMinute[i] = Math.max(lastMinute[i], minute);
            return;
        }
        if (skus.length == LIMIT) {
            int oldest = 0;
            for (int j = 1; j < skus.length; j++) {
                if (lastMinute[j] < lastMinute[oldest]) {
                    oldest = j;
                }
            }
            skus[oldest] = sku.intern();
            firstMinute[oldest] = minute;
            lastMinute[oldest] = minute;
            return;
        }
        skus = Arrays.copyOf(skus, skus.length + 1);
        firstMinute = Arrays.copyOf(firstMinute, firstMinute.length + 1);
        lastMinute = Arrays.copyOf(lastMinute, lastMinute.length + 1);
        skus[skus.length - 1] = sku.intern();
        firstMinute[skus.length - 1] = minute;
        lastMinute[skus.length - 1] = minute;
    }

    int indexOf(String sku) {
        for (int i = 0; i < skus.length; i++) {
            if (skus[i].equals(sku)) {
                return i;
            }
        }
        return -1;
    }
}
