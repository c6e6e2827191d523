package dev.custflow.persistence;

import static dev.custflow.testdata.StoreContents.customers;
import static dev.custflow.testdata.StoreContents.engineParts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.model.OrderStatus;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import dev.custflow.spi.ForwardingCustomerStore;
import dev.custflow.spi.StoreCommit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The engine state in keyed parts (docs/connectors.md, "Engine state parts"): a commit carries what its call
 * changed, not the history; segments that left the windows are deleted; an engine restored from the parts holds
 * exactly the state of one that never stopped, windows full and evicting included.
 */
class EngineStatePartsTest {
    static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");
    static final int EVENTS = 16_000;
    static final int BATCH = 400;
    static final int WINDOW = 6_000;

    /** Orders of 400 customers, one a minute, each order id new. */
    static List<Event> orders() {
        List<Event> e = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            e.add(OrderPlaced.of("e" + i, T0.plusSeconds(60L * i), "SO-" + i, "C-" + (i % 400),
                    new BigDecimal("10.00")));
        }
        return e;
    }

    static Engine engine(CustomerStore store) {
        return Custflow.builder().store(store).dedupWindow(WINDOW).referenceIndexSize(WINDOW).build();
    }

    /** Keeps the size of every commit's engine parts and the parts it removed. */
    static final class Recording extends ForwardingCustomerStore {
        final List<Integer> partBytes = new ArrayList<>();
        final List<String> removedParts = new ArrayList<>();

        Recording() {
            super(CustomerStores.inMemory());
        }

        @Override
        public void commit(StoreCommit commit) {
            partBytes.add(commit.engineParts().values().stream().mapToInt(b -> b.length).sum());
            removedParts.addAll(commit.removedParts());
            super.commit(commit);
        }
    }

    static int storedBytes(CustomerStore store) {
        return store.load().engineParts().values().stream().mapToInt(b -> b.length).sum();
    }

    @Test
    void aCommit_writesWhatItsCallChanged_andDeletesTheSegmentsLeftBehind() {
        Recording store = new Recording();
        List<Event> events = orders();
        try (Engine engine = engine(store)) {
            for (int i = 0; i < EVENTS; i += BATCH) {
                engine.acceptAll(events.subList(i, i + BATCH));
            }
        }
        int stored = storedBytes(store);
        System.out.println("engine state parts: " + stored + " bytes stored, the last commits " + store.partBytes
                .subList(store.partBytes.size() - 5, store.partBytes.size()));
        // the windows hold 6,000 event ids and 6,000 action ids (16 bytes each) and 6,000 order owners
        assertThat(stored).isGreaterThan(150_000);
        // a commit of 400 events writes the newest segments (512 entries each, and the one before when it crosses
        // into a new one) and the main part: well under a fifth of the state
        int last = store.partBytes.subList(store.partBytes.size() / 2, store.partBytes.size()).stream()
                .mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(last).isLessThan(stored / 5);
        // ids 0 to 9,999 left the windows: the segments 0 to 18 (512 ids each) are gone, 19 to 31 stay
        assertThat(store.removedParts).contains("ids.events.0", "ids.events.18", "owners.orders.0",
                "owners.orders.18");
        assertThat(store.load().engineParts().keySet()).noneMatch(k -> k.equals("ids.events.18")
                || k.equals("owners.orders.0")).contains("state", "ids.events.19", "ids.events.31",
                "owners.orders.19", "owners.orders.31");
    }

    @Test
    void anEngineRestoredAgainAndAgain_endsWithTheStateOfOneThatNeverStopped() {
        List<Event> events = orders();
        CustomerStore once = CustomerStores.inMemory();
        try (Engine engine = engine(once)) {
            for (int i = 0; i < EVENTS; i += BATCH) {
                engine.acceptAll(events.subList(i, i + BATCH));
            }
        }
        CustomerStore resumed = CustomerStores.inMemory();
        for (int i = 0; i < EVENTS; i += 5 * BATCH) { // a new engine every 5 calls
            try (Engine engine = engine(resumed)) {
                assertThat(engine.position()).isEqualTo(i);
                for (int k = i; k < i + 5 * BATCH; k += BATCH) {
                    engine.acceptAll(events.subList(k, k + BATCH));
                }
            }
        }
        assertThat(engineParts(resumed)).isEqualTo(engineParts(once));
        assertThat(customers(resumed)).isEqualTo(customers(once));

        try (Engine engine = engine(resumed)) {
            // within the window: a duplicate, and the order's owner is known
            assertThat(engine.acceptAll(List.of(events.get(EVENTS - WINDOW))).duplicates()).isEqualTo(1);
            assertThat(engine.acceptAll(List.of(new OrderStatusChanged("x1", T0.plusSeconds(60L * EVENTS),
                    "SO-" + (EVENTS - WINDOW), OrderStatus.SHIPPED, null, null))).rejections()).isEmpty();
            // left the window: forgotten
            assertThat(engine.acceptAll(List.of(events.get(EVENTS - WINDOW - 1))).duplicates()).isZero();
            assertThat(engine.acceptAll(List.of(new OrderStatusChanged("x2", T0.plusSeconds(60L * EVENTS),
                    "SO-0", OrderStatus.SHIPPED, null, null))).rejections()).hasSize(1);
        }
    }

    /** 6,000 leads a minute apart; every tenth has the phone of the lead 7 before it (the same person). */
    static List<Event> leads() {
        List<Event> e = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            int phone = i % 10 == 9 ? i - 7 : i;
            e.add(LeadCaptured.builder("lead" + i, T0.plusSeconds(60L * i), "L-" + i, "WECHAT")
                    .phone(String.format("139%08d", phone)).email("p" + i + "@example.com").build());
        }
        return e;
    }

    @Test
    void theDeduplicationIndex_isAJournalInSegments_soACommitDoesNotRewriteEveryPersonEverSeen() {
        Recording store = new Recording();
        List<Event> events = leads();
        try (Engine engine = engine(store)) {
            for (int i = 0; i < events.size(); i += 100) {
                engine.acceptAll(events.subList(i, i + 100));
            }
        }
        TreeMap<String, String> parts = engineParts(store);
        // 11,400 keys claimed (a phone and an e-mail per lead, the repeated phones not again) and 600 merges
        assertThat(parts.keySet()).contains("dedup.0", "dedup.23").doesNotContain("dedup.24");
        int index = parts.entrySet().stream().filter(e -> e.getKey().startsWith("dedup."))
                .mapToInt(e -> Base64.getDecoder().decode(e.getValue()).length).sum();
        int state = Base64.getDecoder().decode(parts.get("state")).length;
        System.out.println("dedup journal " + index + " bytes in 24 segments, state part " + state + " bytes");
        assertThat(state).isLessThan(index / 50);
        // a commit of 100 leads writes the newest journal segment or two, not the index
        int late = store.partBytes.subList(40, store.partBytes.size()).stream().mapToInt(Integer::intValue).max()
                .orElseThrow();
        assertThat(late).isLessThan(index / 5);

        // an engine on the store still knows every person: an old phone merges into its first record
        try (Engine engine = engine(store)) {
            engine.accept(LeadCaptured.builder("again", T0.plusSeconds(60L * 7_000), "L-new", "WEBSITE")
                    .phone("13900000002").build());
            assertThat(engine.customer("L-new").orElseThrow().id()).isEqualTo("L-2");
            assertThat(engine.customer("L-9").orElseThrow().id()).isEqualTo("L-2"); // merged before the restart
        }
    }

    @Test
    void aJournalRestoredAgainAndAgain_isTheJournalOfAnEngineThatNeverStopped() {
        List<Event> events = leads();
        CustomerStore once = CustomerStores.inMemory();
        try (Engine engine = engine(once)) {
            for (int i = 0; i < events.size(); i += 100) {
                engine.acceptAll(events.subList(i, i + 100));
            }
        }
        CustomerStore resumed = CustomerStores.inMemory();
        for (int i = 0; i < events.size(); i += 700) { // restarts fall inside segments and across them
            try (Engine engine = engine(resumed)) {
                for (int k = i; k < Math.min(i + 700, events.size()); k += 100) {
                    engine.acceptAll(events.subList(k, k + 100));
                }
            }
        }
        assertThat(engineParts(resumed)).isEqualTo(engineParts(once));
        assertThat(customers(resumed)).isEqualTo(customers(once));
    }
}
