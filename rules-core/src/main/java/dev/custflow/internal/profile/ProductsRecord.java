package dev.custflow.internal.profile;

import dev.custflow.internal.snapshot.CustomerCodec;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.Products;
import dev.custflow.model.Times;
import java.util.Arrays;

/** The engine's product list: the SKUs of orders folded in, at most {@link #LIMIT}. */
final class ProductsRecord extends Products {
    static final int LIMIT = 32;

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

    void write(SnapshotOutput o, long base) {
        int baseMinute = Times.minute(base);
        CustomerCodec.strings(o, skus);
        for (int i = 0; i < skus.length; i++) {
            o.writeSignedLong((long) firstMinute[i] - baseMinute);
            o.writeSignedLong((long) lastMinute[i] - firstMinute[i]);
        }
    }

    static ProductsRecord read(SnapshotInput in, long base) {
        int baseMinute = Times.minute(base);
        ProductsRecord x = new ProductsRecord();
        x.skus = CustomerCodec.interned(in);
        x.firstMinute = new int[x.skus.length];
        x.lastMinute = new int[x.skus.length];
        for (int i = 0; i < x.skus.length; i++) {
            x.firstMinute[i] = (int) (baseMinute + in.readSignedLong());
            x.lastMinute[i] = (int) (x.firstMinute[i] + in.readSignedLong());
        }
        return x;
    }
}
