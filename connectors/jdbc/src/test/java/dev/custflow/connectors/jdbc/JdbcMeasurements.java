package dev.custflow.connectors.jdbc;

import dev.custflow.action.Action;
import dev.custflow.connectors.testkit.SampleActions;
import dev.custflow.spi.StoreCommit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numbers in docs/jdbc.md: commits per second for a typical batch, and how long an action waits in the outbox
 * before a started relay (woken by the commit) hands it to the sink. Not a test: run its main with the module's test
 * class path (docs/jdbc.md, "Measured"). Arguments: h2, postgres, mariadb (all three by default).
 */
public final class JdbcMeasurements {
    private static final int COMMITS = 2_000;
    private static final int CUSTOMERS_PER_COMMIT = 10;
    private static final int ACTIONS_PER_COMMIT = 5;

    private JdbcMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        List<String> dbs = args.length == 0 ? List.of("h2", "postgres", "mariadb") : List.of(args);
        for (String name : dbs) {
            try (TestDatabase db = switch (name) {
                case "h2" -> TestDatabase.h2();
                case "postgres" -> TestDatabase.postgres();
                case "mariadb" -> TestDatabase.mariadb();
                default -> throw new IllegalArgumentException(name);
            }) {
                measure(db, false);
                measure(db, true);
            }
        }
    }

    private static void measure(TestDatabase db, boolean withRelay) throws InterruptedException {
        byte[] snapshot = new byte[440]; // a typical customer in CBOR (docs/design/connectors-notes.md)
        Arrays.fill(snapshot, (byte) 7);
        try (JdbcCustomerStore store = db.store(TestDatabase.freshPrefix()).build()) {
            Map<String, Long> committedAt = new ConcurrentHashMap<>();
            List<Long> waits = new ArrayList<>();
            OutboxRelay relay = OutboxRelay.builder(store, actions -> {
                long now = System.nanoTime();
                synchronized (waits) {
                    for (Action a : actions) {
                        waits.add(now - committedAt.get(a.id()));
                    }
                }
            }).pollInterval(Duration.ofSeconds(1)).build();
            if (withRelay) {
                relay.start();
            }
            int customer = 0;
            long start = System.nanoTime();
            for (int i = 0; i < COMMITS; i++) {
                Map<String, byte[]> customers = new HashMap<>();
                for (int c = 0; c < CUSTOMERS_PER_COMMIT; c++) {
                    customers.put("C-" + (customer++ % 50_000), snapshot);
                }
                List<Action> actions = SampleActions.actions("C-" + (i % 1000), i, ACTIONS_PER_COMMIT);
                long now = System.nanoTime();
                actions.forEach(a -> committedAt.put(a.id(), now));
                store.commit(new StoreCommit(i + 1, "evt-" + i, Map.of("state", snapshot), Set.of(), customers, Set.of(), actions));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            while (withRelay && store.pendingActions() > 0) {
                Thread.sleep(10);
            }
            relay.close();
            if (!withRelay) {
                System.out.printf("%-10s %,6.0f commits/s (%d customers + %d actions each, no relay)%n", db.vendor,
                        COMMITS / seconds, CUSTOMERS_PER_COMMIT, ACTIONS_PER_COMMIT);
                return;
            }
            long[] sorted;
            synchronized (waits) {
                sorted = waits.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            System.out.printf("%-10s %,6.0f commits/s (%d customers + %d actions each, relay running), "
                            + "relay wait p50 %.1f ms, p99 %.1f ms over %,d actions%n", db.vendor, COMMITS / seconds,
                    CUSTOMERS_PER_COMMIT, ACTIONS_PER_COMMIT, sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.99)] / 1e6, sorted.length);
        }
    }
}
