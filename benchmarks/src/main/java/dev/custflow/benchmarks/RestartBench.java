package dev.custflow.benchmarks;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.connectors.jdbc.JdbcCustomerStore;
import dev.custflow.event.Event;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.runtime.Snapshots;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.ForwardingCustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Restart ({@code benchmarks/run restart}): how long {@code Custflow.builder().store(store)...build()} takes until the
 * engine holds every customer of a store of 1,000,000 snapshots, on an H2 file and on PostgreSQL, against building an
 * engine without a store in the same JVM. The store is filled by the engine itself: W2's base (one order for each of
 * 1,000,000 customers) in batches of 10,000 events, committed through the public {@link StoreCommit} (100 commits of
 * 10,000 snapshots and the engine state parts; the actions are left out of these commits, as the outbox plays no part
 * in a restart).
 */
final class RestartBench {
    private static final int FILL_BATCH = 10_000;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private RestartBench() {
    }

    /** A store to fill and reopen. */
    private record Target(String name, Supplier<JdbcCustomerStore> open, Runnable drop) {
    }

    /**
     * Times the engine's reads: the engine state, and the customers with the time spent in the engine's visitor (on
     * the engine's reader thread: decoding, and handing the customers over to the building thread, which restores the
     * engine state parts and places the customers meanwhile).
     */
    private static final class TimedStore extends ForwardingCustomerStore {
        long loadNanos;
        long forEachNanos;
        long visitorNanos;
        long rows;
        long bytes;
        /** CPU time of the thread that ran forEachCustomer, while it ran (the building thread's, or a reader's). */
        long forEachCpuNanos;

        TimedStore(CustomerStore inner) {
            super(inner);
        }

        @Override
        public StoredState load() {
            long t0 = System.nanoTime();
            StoredState s = super.load();
            loadNanos += System.nanoTime() - t0;
            return s;
        }

        @Override
        public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            super.forEachCustomer((id, b) -> {
                long v0 = System.nanoTime();
                visitor.accept(id, b);
                visitorNanos += System.nanoTime() - v0;
                rows++;
                bytes += b.length;
            });
            forEachNanos += System.nanoTime() - t0;
            forEachCpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
        }
    }

    /** Passes commits on without their actions: filling the store is not what is measured. */
    private static final class WithoutActions extends ForwardingCustomerStore {
        WithoutActions(CustomerStore inner) {
            super(inner);
        }

        @Override
        public void commit(StoreCommit c) {
            super.commit(new StoreCommit(c.position(), c.lastEventId(), c.engineParts(), c.removedParts(),
                    c.customers(), c.removed(), List.of()));
        }
    }

    /**
     * @param customers how many customers the store holds
     * @param rounds    measured restarts per database (after one warm-up restart)
     * @param folder    where the H2 file goes
     */
    static void run(int customers, int rounds, Path folder) {
        List<Event> orders = Workload.oneOrderEach(customers, 100, 3);
        System.out.printf(Locale.ROOT, "%nRestart: an engine built on a store of %,d customer snapshots (W2's base, "
                + "lifecycle pack)%n", customers);
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("H2 file", () -> JdbcCustomerStore.builder().h2File(folder.resolve("restart")).build(),
                () -> W3Bench.deleteFiles(folder, "restart")));
        String pg = W3Bench.absent(W3Bench.POSTGRES, "postgres");
        if (pg == null) {
            targets.add(new Target("PostgreSQL", () -> JdbcCustomerStore.builder().url(W3Bench.POSTGRES)
                    .user("postgres").tablePrefix("restart_").build(),
                    () -> W3Bench.dropTables(W3Bench.POSTGRES, "postgres", "restart_")));
        } else {
            System.out.println("  PostgreSQL skipped: " + W3Bench.POSTGRES + " does not answer (" + pg + ")");
        }
        if (Boolean.getBoolean("custflow.bench.maria")) {
            String maria = W3Bench.absent(W3Bench.MARIADB, "root");
            if (maria == null) {
                targets.add(new Target("MariaDB", () -> JdbcCustomerStore.builder().url(W3Bench.MARIADB)
                        .user("root").tablePrefix("restart_").build(),
                        () -> W3Bench.dropTables(W3Bench.MARIADB, "root", "restart_")));
            } else {
                System.out.println("  MariaDB skipped: " + W3Bench.MARIADB + " does not answer (" + maria + ")");
            }
        }
        boolean reuse = Boolean.getBoolean("custflow.bench.reuse");
        double[] plain = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            long t0 = System.nanoTime();
            try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).auditTrailSize(1).build()) {
                if (e.customerCount() != 0) {
                    throw new IllegalStateException();
                }
            }
            if (round >= 0) {
                plain[round] = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "  build an engine without a store: median %,.0f ms of %d%n", Bench.median(plain),
                rounds);
        for (Target t : targets) {
            fill(t, orders, reuse);
            double[] open = new double[rounds];
            double[] build = new double[rounds];
            double[] load = new double[rounds];
            double[] read = new double[rounds];
            double[] visit = new double[rounds];
            double[] cpu = new double[rounds];
            double[] gc = new double[rounds];
            double[] mainCpu = new double[rounds];
            double[] readerCpu = new double[rounds];
            long[] bytes = new long[1];
            for (int round = -1; round < rounds; round++) {
                System.gc();
                long t0 = System.nanoTime();
                try (JdbcCustomerStore store = t.open().get()) {
                    long t1 = System.nanoTime();
                    long cpu0 = processCpuNanos();
                    long main0 = THREADS.getCurrentThreadCpuTime();
                    long gc0 = gcMillis();
                    TimedStore timed = new TimedStore(store);
                    int count;
                    long t2;
                    long cpuBuild;
                    long gcBuild;
                    long mainBuild;
                    try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).auditTrailSize(1).store(timed)
                            .build()) {
                        count = e.customerCount();
                        t2 = System.nanoTime();
                        cpuBuild = processCpuNanos() - cpu0;
                        mainBuild = THREADS.getCurrentThreadCpuTime() - main0;
                        gcBuild = gcMillis() - gc0;
                    }
                    if (count != customers || timed.rows != customers) {
                        throw new IllegalStateException(t.name() + ": the engine holds " + count + " customers ("
                                + timed.rows + " rows read), not " + customers);
                    }
                    bytes[0] = timed.bytes;
                    if (round >= 0) {
                        open[round] = (t1 - t0) / 1e6;
                        cpu[round] = cpuBuild / 1e6;
                        gc[round] = gcBuild;
                        mainCpu[round] = mainBuild / 1e6;
                        readerCpu[round] = timed.forEachCpuNanos / 1e6;
                        build[round] = (t2 - t1) / 1e6;
                        load[round] = timed.loadNanos / 1e6;
                        read[round] = (timed.forEachNanos - timed.visitorNanos) / 1e6;
                        visit[round] = timed.visitorNanos / 1e6;
                    }
                    System.out.printf(Locale.ROOT, "    %s restart %d: build %,.0f ms, CPU %,.0f ms, GC %,d ms (engine "
                                    + "state %,.0f; reading rows %,.0f, in the engine's visitor %,.0f)%n", t.name(),
                            round + 1, (t2 - t1) / 1e6, cpuBuild / 1e6, gcBuild, timed.loadNanos / 1e6,
                            (timed.forEachNanos - timed.visitorNanos) / 1e6, timed.visitorNanos / 1e6);
                }
            }
            double b = Bench.median(build);
            System.out.printf(Locale.ROOT, "  %s: CPU time of the process during the build, median of %d: %,.0f ms "
                    + "(%.2f cores busy); in garbage collection %,.0f ms; the building thread's own CPU time %,.0f ms, "
                    + "forEachCustomer's thread's %,.0f ms while it read (the same thread when the building thread "
                    + "reads)%n", t.name(), rounds, Bench.median(cpu), Bench.median(cpu) / b, Bench.median(gc),
                    Bench.median(mainCpu), Bench.median(readerCpu));
            System.out.printf(Locale.ROOT, "  %s: build to %,d customers, median of %d: %,.0f ms (%,.0f customers/s; "
                            + "%.1fx the build without a store); of it: engine state %,.0f ms, then %,.0f ms for the "
                            + "rest: reading rows %,.0f ms and the engine's visitor %,.0f ms (since the reading runs on "
                            + "a thread of its own, the building thread restores the engine state parts meanwhile); "
                            + "opening the store (pool, Flyway check) %,.0f ms; %,d snapshot bytes%n", t.name(),
                    customers, rounds, b, customers / (b / 1e3), b / Bench.median(plain), Bench.median(load),
                    b - Bench.median(load), Bench.median(read), Bench.median(visit), Bench.median(open), bytes[0]);
        }
        decodeOnly(orders);
    }

    /** CPU time of every thread of the process, the collector's among them. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Milliseconds spent in collections, all collectors, since the JVM started. */
    private static long gcMillis() {
        long ms = 0;
        for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, b.getCollectionTime());
        }
        return ms;
    }

    /** Decoding alone, in memory: the snapshots of the same customers. */
    private static void decodeOnly(List<Event> orders) {
        List<byte[]> snaps = new ArrayList<>();
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).auditTrailSize(1).build()) {
            for (int i = 0; i < orders.size(); i += FILL_BATCH) {
                e.acceptAll(orders.subList(i, Math.min(orders.size(), i + FILL_BATCH)));
            }
            ((dev.custflow.internal.runtime.DefaultEngine) e).forEachCustomerFact(c -> snaps.add(Snapshots.customer((CustomerRecord) c)));
        }
        double[] t = new double[5];
        long sink = 0;
        for (int round = -2; round < t.length; round++) {
            long t0 = System.nanoTime();
            for (byte[] b : snaps) {
                sink += Snapshots.customer(b).getOrderCount();
            }
            if (round >= 0) {
                t[round] = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "  decoding the %,d snapshots alone, in memory: median %,.0f ms [%d]%n",
                snaps.size(), Bench.median(t), sink % 10);
    }

    private static void fill(Target t, List<Event> orders, boolean reuse) {
        if (reuse) {
            try (JdbcCustomerStore store = t.open().get()) {
                if (store.load().position() == orders.size()) {
                    System.out.printf(Locale.ROOT, "  %s: the store of an earlier run holds the %,d customers%n",
                            t.name(), orders.size());
                    return;
                }
            }
        }
        t.drop().run();
        long t0 = System.nanoTime();
        try (JdbcCustomerStore store = t.open().get();
             Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).auditTrailSize(1)
                     .store(new WithoutActions(store)).build()) {
            for (int i = 0; i < orders.size(); i += FILL_BATCH) {
                e.acceptAll(orders.subList(i, Math.min(orders.size(), i + FILL_BATCH)));
            }
        }
        System.out.printf(Locale.ROOT, "  %s: filled with %,d customers by the engine, %,d commits of %,d events, in "
                + "%.1f s%n", t.name(), orders.size(), (orders.size() + FILL_BATCH - 1) / FILL_BATCH, FILL_BATCH,
                (System.nanoTime() - t0) / 1e9);
    }
}
