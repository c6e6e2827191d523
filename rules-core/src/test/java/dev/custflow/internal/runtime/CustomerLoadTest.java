package dev.custflow.internal.runtime;

import static dev.custflow.testdata.StoreContents.customers;
import static dev.custflow.testdata.StoreContents.engineParts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.ConnectorException;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.RulePack;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import dev.custflow.spi.ForwardingCustomerStore;
import dev.custflow.spi.StoredState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * A restart reads and decodes the customers on a thread of its own while the engine restores its state parts
 * ({@link CustomerLoad}): the engine it builds holds what one that never stopped holds, whatever order the store
 * gives the rows in, and a failure on either side fails the build and leaves no thread behind.
 */
class CustomerLoadTest {
    private static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");
    /** More than a few of the load's batches, so that the hand-off between the threads is crossed many times. */
    private static final int CUSTOMERS = 6_000;
    private static final String READER = "custflow-store-reader";

    /** An order for each customer, many within the same minute: due times tie, and ties go by customer id. */
    private static List<Event> orders() {
        List<Event> e = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            e.add(OrderPlaced.of("e" + i, T0.plusSeconds(60L * (i % 97)), "SO-" + i, "C-" + (i * 7919 % CUSTOMERS),
                    new BigDecimal("10.00")));
        }
        return e;
    }

    private static Engine engine(CustomerStore store) {
        return Custflow.builder().packs(RulePack.LIFECYCLE).partitions(3).store(store).build();
    }

    private static CustomerStore filled() {
        CustomerStore store = CustomerStores.inMemory();
        List<Event> events = orders();
        try (Engine engine = engine(store)) {
            for (int i = 0; i < events.size(); i += 500) {
                engine.acceptAll(events.subList(i, i + 500));
            }
        }
        return store;
    }

    /** Gives the rows sorted by id, in the order given. */
    private static CustomerStore ordered(CustomerStore inner, Comparator<String> order) {
        return new ForwardingCustomerStore(inner) {
            @Override
            public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
                TreeMap<String, byte[]> rows = new TreeMap<>(order);
                super.forEachCustomer(rows::put);
                rows.forEach(visitor);
            }
        };
    }

    /** Every customer's profile as its snapshot, by id. */
    private static Map<String, String> profiles(Engine engine) {
        Map<String, String> m = new TreeMap<>();
        ((DefaultEngine) engine).forEachCustomerFact(c -> m.put(c.getId(),
                java.util.Base64.getEncoder().encodeToString(Snapshots.customer((CustomerRecord) c))));
        return m;
    }

    /**
     * What the time rules do over the next year, the clock moved on a day at a time, with the day each action came:
     * a customer woken a day late or early (a due time lost, or the index out of order) shows.
     */
    private static List<String> wakeUps(Engine engine) {
        List<String> actions = new ArrayList<>();
        for (int day = 1; day <= 365; day++) {
            int d = day;
            engine.advanceTo(T0.plus(Duration.ofDays(day))).actions().forEach(a -> actions.add(d + " " + Json.write(a)));
        }
        return actions;
    }

    private static long readers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals(READER))
                .count();
    }

    @Test
    void aRestoredEngine_holdsTheCustomersDueTimesAndWindowsOfOneThatNeverStopped_whateverTheOrderOfTheRows() {
        CustomerStore never = CustomerStores.inMemory();
        Map<String, String> profiles;
        List<String> wakeUps;
        List<Event> events = orders();
        try (Engine engine = engine(never)) {
            for (int i = 0; i < events.size(); i += 500) {
                engine.acceptAll(events.subList(i, i + 500));
            }
            profiles = profiles(engine);
            wakeUps = wakeUps(engine);
        }
        assertThat(profiles).hasSize(CUSTOMERS);
        assertThat(wakeUps).hasSizeGreaterThan(CUSTOMERS / 2);

        for (Comparator<String> order : List.of(Comparator.<String>naturalOrder(), Comparator.<String>reverseOrder())) {
            CustomerStore store = filled();
            try (Engine engine = engine(ordered(store, order))) {
                assertThat(engine.customerCount()).isEqualTo(CUSTOMERS);
                assertThat(profiles(engine)).isEqualTo(profiles);
                assertThat(wakeUps(engine)).isEqualTo(wakeUps);
            }
            // the windows (event ids, order owners) and the customers, as the next commit wrote them
            assertThat(engineParts(store)).isEqualTo(engineParts(never));
            assertThat(customers(store)).isEqualTo(customers(never));
        }
        assertThat(readers()).isZero();
    }

    @Test
    void aStoreThatFailsMidLoad_failsTheBuild_leavesNoReaderThread_andAnotherBuildLoadsEverything() {
        CustomerStore store = filled();
        CustomerStore failing = new ForwardingCustomerStore(store) {
            @Override
            public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
                int[] rows = {0};
                super.forEachCustomer((id, bytes) -> {
                    if (++rows[0] == CUSTOMERS / 2) {
                        throw new ConnectorException("test store", "the connection was lost", null);
                    }
                    visitor.accept(id, bytes);
                });
            }
        };
        assertThatThrownBy(() -> engine(failing)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("the connection was lost");
        assertThat(readers()).isZero();

        try (Engine engine = engine(store)) {
            assertThat(engine.customerCount()).isEqualTo(CUSTOMERS);
        }
    }

    @Test
    void aSnapshotThatCannotBeRead_failsTheBuild_andNamesTheLoad() {
        CustomerStore store = filled();
        CustomerStore corrupt = new ForwardingCustomerStore(store) {
            @Override
            public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
                int[] rows = {0};
                super.forEachCustomer((id, bytes) -> visitor.accept(id,
                        ++rows[0] == CUSTOMERS - 10 ? new byte[] {99, 1, 2} : bytes));
            }
        };
        assertThatThrownBy(() -> engine(corrupt)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("loading the customers failed")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(readers()).isZero();
    }

    @Test
    void anEngineStateThatCannotBeRead_failsTheBuild_andLeavesNoReaderThread() {
        CustomerStore store = filled();
        CustomerStore badState = new ForwardingCustomerStore(store) {
            @Override
            public StoredState load() {
                StoredState s = super.load();
                Map<String, byte[]> parts = new HashMap<>(s.engineParts());
                parts.put("state", new byte[] {99});
                return new StoredState(s.position(), s.lastEventId(), parts);
            }
        };
        assertThatThrownBy(() -> engine(badState)).isInstanceOf(IllegalArgumentException.class);
        assertThat(readers()).isZero(); // read to the end or stopped midway, the reader has ended
    }

    @Test
    void closingALoadNobodyDrains_stopsTheReaderAtItsNextRow() {
        CustomerStore store = filled();
        int[] visited = {0};
        boolean[] left = {false};
        CustomerStore counting = new ForwardingCustomerStore(store) {
            @Override
            public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
                try {
                    super.forEachCustomer((id, bytes) -> {
                        visited[0]++;
                        visitor.accept(id, bytes);
                    });
                } catch (RuntimeException e) {
                    left[0] = true;
                    throw e;
                }
            }
        };
        CustomerLoad load = CustomerLoad.start(counting, 1, 2);
        load.close(); // at most two batches of one wait, a third is in the reader's hands, a fourth row stops it
        assertThat(readers()).isZero();
        assertThat(visited[0]).isLessThanOrEqualTo(4);
        assertThat(left[0]).isTrue();
    }
}
