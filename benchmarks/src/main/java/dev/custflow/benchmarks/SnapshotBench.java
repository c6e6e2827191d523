package dev.custflow.benchmarks;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.event.Event;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.runtime.DefaultEngine;
import dev.custflow.internal.runtime.Snapshots;
import dev.custflow.settings.Settings;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Persistence costs ({@code benchmarks/run snap}): the size of a customer snapshot after a year of W5 history, the
 * time to encode and decode one, and what committing to the in-memory store adds to a batch of 1,000 W1 events.
 */
final class SnapshotBench {
    private SnapshotBench() {
    }

    static void run(int customers, int w1Customers, int w1Events) {
        Workload.RetentionYear year = Workload.retentionYear(customers, 5);
        Settings settings = Workload.retentionSettings();
        List<Event> history = year.history();
        System.out.printf(Locale.ROOT, "%nSnapshots: %,d W5 customers after a year of history (%,d events)%n",
                customers, history.size());
        List<CustomerRecord> facts = new ArrayList<>();
        try (Engine engine = Custflow.builder()
                .packs(RulePack.CHURN, RulePack.REMINDERS, RulePack.MARKETING, RulePack.SEGMENTS)
                .settings(settings).auditTrailSize(1).build()) {
            for (int i = 0; i < history.size(); i += 10_000) {
                engine.acceptAll(history.subList(i, Math.min(history.size(), i + 10_000)));
            }
            ((DefaultEngine) engine).forEachCustomerFact(c -> facts.add((CustomerRecord) c));
        }
        int n = facts.size();
        byte[][] snaps = new byte[n][];
        int[] sizes = new int[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            snaps[i] = Snapshots.customer(facts.get(i));
            sizes[i] = snaps[i].length;
            total += sizes[i];
        }
        Arrays.sort(sizes);
        System.out.printf(Locale.ROOT, "  bytes per customer: mean %,d, median %,d, p90 %,d, max %,d%n", total / n,
                sizes[n / 2], sizes[(int) (n * 0.9)], sizes[n - 1]);
        double[] enc = new double[10];
        double[] dec = new double[10];
        long sink = 0;
        for (int round = -40; round < enc.length; round++) { // warm-up rounds: the JIT, and the caches
            long t0 = System.nanoTime();
            for (CustomerRecord c : facts) {
                sink += Snapshots.customer(c).length;
            }
            long t1 = System.nanoTime();
            for (byte[] b : snaps) {
                sink += Snapshots.customer(b).getOrderCount();
            }
            long t2 = System.nanoTime();
            if (round >= 0) {
                enc[round] = (t1 - t0) / (double) n;
                dec[round] = (t2 - t1) / (double) n;
            }
        }
        System.out.printf(Locale.ROOT, "  encode %.0f ns, decode %.0f ns per customer (medians of %d rounds) [%d]%n",
                Bench.median(enc), Bench.median(dec), enc.length, sink % 10);

        List<Event> stream = Workload.mixed(w1Customers, w1Events, 365, 1);
        System.out.printf(Locale.ROOT, "%nCommit cost: W1, %,d events over %,d customers, batches of 1,000, lifecycle "
                + "pack, in-memory store%n", stream.size(), w1Customers);
        int rounds = 5;
        double[] without = new double[rounds];
        double[] with = new double[rounds];
        long[] stateBytes = new long[4]; // state at the end; engine part bytes written by all commits; commits
        for (int round = -2; round < rounds; round++) {
            double a = timeRun(stream, null, stateBytes);
            double b = timeRun(stream, CustomerStores.inMemory(), stateBytes);
            if (round >= 0) {
                without[round] = a;
                with[round] = b;
            }
        }
        int batches = (stream.size() + 999) / 1000;
        double mw = Bench.median(without);
        double mb = Bench.median(with);
        System.out.printf(Locale.ROOT, "  without a store %.2f s, with the in-memory store %.2f s: +%.2f ms per batch "
                        + "of 1,000 (%.1f%%); engine state at the end %,d bytes in %,d parts; engine state written per "
                        + "commit %,d bytes on average%n", mw, mb, (mb - mw) * 1000 / batches,
                (mb / mw - 1) * 100, stateBytes[0], stateBytes[3], stateBytes[1] / Math.max(1, stateBytes[2]));
    }

    /** Counts the engine state bytes each commit writes, then hands it on. */
    private record Counting(CustomerStore inner, long[] counts) implements CustomerStore {
        @Override
        public dev.custflow.spi.StoredState load() {
            return inner.load();
        }

        @Override
        public void forEachCustomer(java.util.function.BiConsumer<String, byte[]> visitor) {
            inner.forEachCustomer(visitor);
        }

        @Override
        public void commit(dev.custflow.spi.StoreCommit commit) {
            for (byte[] part : commit.engineParts().values()) {
                counts[1] += part.length;
            }
            counts[2]++;
            inner.commit(commit);
        }
    }

    private static double timeRun(List<Event> stream, CustomerStore store, long[] stateBytes) {
        long t0 = System.nanoTime();
        var b = Custflow.builder().packs(RulePack.LIFECYCLE).auditTrailSize(1);
        if (store != null) {
            stateBytes[1] = 0;
            stateBytes[2] = 0;
            b.store(new Counting(store, stateBytes));
        }
        try (Engine e = b.build()) {
            Bench.inBatches(e, stream);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (store != null) {
            var parts = store.load().engineParts();
            stateBytes[0] = parts.values().stream().mapToLong(p -> p.length).sum();
            stateBytes[3] = parts.size();
        }
        return s;
    }
}
