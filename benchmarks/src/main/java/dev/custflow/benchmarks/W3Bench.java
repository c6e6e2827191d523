package dev.custflow.benchmarks;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EngineBuilder;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.connectors.jdbc.JdbcCustomerStore;
import dev.custflow.connectors.jdbc.OutboxRelay;
import dev.custflow.event.Event;
import dev.custflow.spi.ActionSink;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import dev.custflow.spi.ForwardingCustomerStore;
import dev.custflow.spi.StoreCommit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * W3 ({@code benchmarks/run w3}): events per second end to end with the JDBC store and its outbox. The engine runs on
 * a {@link JdbcCustomerStore} (one transaction per batch: the snapshots of the customers the batch changed, the engine
 * state parts, the position and the batch's actions in the outbox) while an {@link OutboxRelay} in the same JVM drains
 * the outbox to a counting sink; a run ends when the sink has every action, so delivery is in the time. Baselines in
 * the same JVM: the same engine without a store, and on {@link CustomerStores#inMemory()}, handing its actions to the
 * same counting sink.
 */
final class W3Bench {
    /** The local servers of docs/design/connectors-notes.md (the project's machines). */
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test?sslMode=disable&rewriteBatchedStatements=true";
    private static final String[] TABLES = {"customer", "engine_state", "engine_part", "outbox", "relay_lease",
            "schema_history"};

    private W3Bench() {
    }

    /**
     * A store to measure: how to make an empty one for a run, and how to drop what it made.
     *
     * @param name    a short name for the tables
     * @param create  a new, empty store for a run number unique in this JVM, or null for an engine without a store
     * @param dropper drops what {@code create} made for the run
     */
    record Target(String name, IntFunction<CustomerStore> create, IntConsumer dropper) {
        /** @return a new, empty store for the run (what an earlier run left is dropped first) */
        CustomerStore open(int run) {
            dropper.accept(run);
            return create.apply(run);
        }

        /** Drops what {@link #open} made. */
        void drop(int run) {
            dropper.accept(run);
        }
    }

    static final Target NO_STORE = new Target("no store", run -> null, run -> { });

    static final Target IN_MEMORY = new Target("in-memory store", run -> CustomerStores.inMemory(), run -> { });

    /** An H2 file database under {@code folder}, {@code WRITE_DELAY=0} (the builder's default for a file). */
    static Target h2(Path folder) {
        return new Target("H2 file", run -> JdbcCustomerStore.builder().h2File(folder.resolve("w3-" + run)).build(),
                run -> deleteFiles(folder, "w3-" + run));
    }

    /** A server database: each run gets its own table prefix, dropped afterwards. */
    static Target server(String name, String url, String user) {
        return new Target(name, run -> JdbcCustomerStore.builder().url(url).user(user).tablePrefix(prefix(run)).build(),
                run -> dropTables(url, user, prefix(run)));
    }

    private static String prefix(int run) {
        return "w3_" + run + "_";
    }

    static void deleteFiles(Path folder, String base) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(base + ".")).toList()) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void dropTables(String url, String user, String prefix) {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.execute("DROP TABLE IF EXISTS " + prefix + t);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the tables " + prefix + "* of " + url, e);
        }
    }

    /**
     * @return null if the server answers, else why not (the runs on it are skipped with this reason)
     */
    static String absent(String url, String user) {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(url, user, null)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage().lines().findFirst().orElse(e.toString());
        }
    }

    /** @return the server's durability settings, as it has them: what its commits cost depends on them */
    static String durability(String url, String user, String... queries) {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = s.executeQuery(q)) {
                    while (rs.next()) {
                        out.append(out.isEmpty() ? "" : ", ").append(rs.getMetaData().getColumnCount() == 1
                                ? q.replace("SHOW ", "") + " = " + rs.getString(1)
                                : rs.getString(1) + " = " + rs.getString(2));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                out.append("; ").append(rs.getString(1).split(" on ")[0]);
            }
        } catch (SQLException e) {
            out.append("(cannot read: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    /**
     * One run's measurements.
     *
     * @param seconds   from the first batch to the last action delivered
     * @param actions   actions the engine decided
     * @param delivered actions the sink received (at least once: as many or more)
     * @param commits   the time of each store commit, nanoseconds (empty without a store)
     * @param customers customers at the end
     */
    record Result(double seconds, long actions, long delivered, long[] commits, int customers) {
        double percentileMillis(int p) {
            if (commits.length == 0) {
                return Double.NaN;
            }
            long[] s = commits.clone();
            Arrays.sort(s);
            return s[Math.min(s.length - 1, (int) ((long) s.length * p / 100))] / 1e6;
        }
    }

    /** Counts what the sink received, and hands it on. */
    private static final class CountingSink implements ActionSink {
        private final ActionSink next;
        private final AtomicLong count = new AtomicLong();

        CountingSink(ActionSink next) {
            this.next = next;
        }

        @Override
        public void deliver(List<Action> actions) {
            next.deliver(actions);
            count.addAndGet(actions.size());
        }
    }

    /** Times each commit of the store underneath. */
    private static final class TimedStore extends ForwardingCustomerStore {
        private final long[] times;
        private int n;

        TimedStore(CustomerStore inner, int batches) {
            super(inner);
            this.times = new long[batches];
        }

        @Override
        public void commit(StoreCommit commit) {
            long t0 = System.nanoTime();
            super.commit(commit);
            long t = System.nanoTime() - t0;
            if (n < times.length) {
                times[n++] = t;
            }
        }

        long[] times() {
            return Arrays.copyOf(times, n);
        }
    }

    /**
     * Runs the lifecycle engine over the stream in batches of {@code batch} events on the target, and waits until the
     * sink has every action the engine decided: with a JDBC store through the outbox and a relay started beside the
     * engine, otherwise the engine hands them to the sink after each batch.
     *
     * @param downstream where delivered actions go after they are counted
     * @param run        a number unique in this JVM (names the database)
     */
    static Result run(List<Event> stream, int batch, Target target, int run, ActionSink downstream) {
        CustomerStore store = target.open(run);
        CountingSink sink = new CountingSink(downstream);
        OutboxRelay relay = store instanceof JdbcCustomerStore jdbc ? OutboxRelay.builder(jdbc, sink).build() : null;
        int batches = (stream.size() + batch - 1) / batch;
        TimedStore timed = store == null ? null : new TimedStore(store, batches);
        EngineBuilder b = Custflow.builder().packs(RulePack.LIFECYCLE).auditTrailSize(1);
        if (timed != null) {
            b.store(timed);
        }
        if (relay == null) {
            b.actionSink(sink);
        }
        try (Engine engine = b.build()) {
            if (relay != null) {
                relay.start();
            }
            long actions = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < stream.size(); i += batch) {
                actions += engine.acceptAll(stream.subList(i, Math.min(stream.size(), i + batch))).actions().size();
            }
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (sink.count.get() < actions) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the relay delivered " + sink.count.get() + " of " + actions
                            + " actions in 10 minutes after the last commit");
                }
                Thread.onSpinWait();
                Thread.yield();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(seconds, actions, sink.count.get(), timed == null ? new long[0] : timed.times(),
                    engine.customerCount());
        } finally {
            if (relay != null) {
                relay.close();
            }
            if (store != null) {
                store.close();
            }
            target.drop(run);
        }
    }

    /**
     * @param customers  the customers of the W1-shaped stream
     * @param events     about how many events
     * @param dbRounds   rounds: in each, every database runs once per batch size (on a new database), the baselines
     *                   twice
     * @param folder     where the H2 files go
     */
    static void run(int customers, int events, int dbRounds, Path folder) {
        List<Event> stream = Workload.mixed(customers, events, 365, 1);
        System.out.printf(Locale.ROOT, "%nW3 end to end with the JDBC store and outbox: W1's stream, %,d events over "
                + "%,d customers, lifecycle pack, one partition; relay in the same JVM to a counting sink%n",
                stream.size(), customers);
        List<Target> targets = new ArrayList<>();
        targets.add(h2(folder));
        System.out.println("  H2 2.5 file under " + folder + ", WRITE_DELAY=0 (every acknowledged commit survives kill -9)");
        String pg = absent(POSTGRES, "postgres");
        if (pg == null) {
            targets.add(server("PostgreSQL", POSTGRES, "postgres"));
            System.out.println("  PostgreSQL " + POSTGRES + ": " + durability(POSTGRES, "postgres",
                    "SHOW synchronous_commit", "SHOW fsync", "SHOW wal_sync_method", "SHOW full_page_writes"));
        } else {
            System.out.println("  PostgreSQL skipped: " + POSTGRES + " does not answer (" + pg + ")");
        }
        String maria = absent(MARIADB, "root");
        if (maria == null) {
            targets.add(server("MariaDB", MARIADB, "root"));
            System.out.println("  MariaDB " + MARIADB + ": " + durability(MARIADB, "root",
                    "SHOW VARIABLES LIKE 'innodb_flush_log_at_trx_commit'", "SHOW VARIABLES LIKE 'sync_binlog'",
                    "SHOW VARIABLES LIKE 'log_bin'", "SHOW VARIABLES LIKE 'innodb_doublewrite'"));
        } else {
            System.out.println("  MariaDB skipped: " + MARIADB + " does not answer (" + maria + ")");
        }
        int[] run = {0};
        // warm-up: the JIT for the engine and for each driver's path, on a tenth of the stream
        List<Event> warm = stream.subList(0, stream.size() / 10);
        for (int i = 0; i < 2; i++) {
            run(stream, 1_000, NO_STORE, run[0]++, ActionSink.none());
            run(warm, 1_000, IN_MEMORY, run[0]++, ActionSink.none());
        }
        for (Target t : targets) {
            run(warm, 1_000, t, run[0]++, ActionSink.none());
        }
        // Rounds outside, stores inside: on a shared machine the baselines and the databases see the same load.
        int[] batches = {1_000, 100};
        List<Target> all = new ArrayList<>(List.of(NO_STORE, IN_MEMORY));
        all.addAll(targets);
        List<List<List<Result>>> results = new ArrayList<>(); // [batch][target][round]
        for (int b = 0; b < batches.length; b++) {
            results.add(new ArrayList<>());
            for (int t = 0; t < all.size(); t++) {
                results.get(b).add(new ArrayList<>());
            }
        }
        for (int round = 0; round < dbRounds; round++) {
            for (int b = 0; b < batches.length; b++) {
                for (int t = 0; t < all.size(); t++) {
                    boolean baseline = t < 2; // cheap: two runs a round
                    for (int i = 0; i < (baseline ? 2 : 1); i++) {
                        results.get(b).get(t).add(run(stream, batches[b], all.get(t), run[0]++, ActionSink.none()));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "  %-16s %6s %12s %9s %10s %10s %10s %11s   seconds of each run%n", "store",
                "batch", "events/s", "vs none", "commit p50", "commit p99", "commits", "actions");
        for (int b = 0; b < batches.length; b++) {
            Result none = median(results.get(b).get(0));
            for (int t = 0; t < all.size(); t++) {
                print(all.get(t), batches[b], median(results.get(b).get(t)), stream.size(), none,
                        results.get(b).get(t));
            }
        }
    }

    /** @return the run of median time (the lower middle of an even count) */
    private static Result median(List<Result> runs) {
        List<Result> rs = new ArrayList<>(runs);
        rs.sort(Comparator.comparingDouble(Result::seconds));
        return rs.get((rs.size() - 1) / 2);
    }

    private static void print(Target t, int batch, Result r, int events, Result none, List<Result> all) {
        System.out.printf(Locale.ROOT, "  %-16s %,6d %,12.0f %8.2fx %8.2f ms %8.2f ms %,10d %,11d%s   %s%n", t.name(),
                batch, events / r.seconds(), r.seconds() / none.seconds(), r.percentileMillis(50),
                r.percentileMillis(99), r.commits().length, r.actions(), r.delivered() == r.actions() ? ""
                        : String.format(Locale.ROOT, " (%,d delivered)", r.delivered()),
                all.stream().map(x -> String.format(Locale.ROOT, "%.1f", x.seconds())).toList());
    }
}
