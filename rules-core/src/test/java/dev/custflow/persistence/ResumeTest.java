package dev.custflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.ConnectorException;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import dev.custflow.spi.ForwardingCustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Resuming from a store, what a commit holds, and when it happens. */
class ResumeTest {
    private static final List<Event> STORY = SnapshotFixtures.story();

    /** One run of a host: builds the engine on the store and sends the events from its position, in batches. */
    private static Map<String, String> replay(CustomerStore store, List<Event> events, int batch) {
        Map<String, String> delivered = new LinkedHashMap<>();
        try (Engine engine = Custflow.builder().store(store)
                .actionSink(actions -> actions.forEach(a -> delivered.putIfAbsent(a.id(), Json.write(a)))).build()) {
            List<Event> rest = events.subList((int) engine.position(), events.size());
            for (int i = 0; i < rest.size(); i += batch) {
                engine.acceptAll(rest.subList(i, Math.min(rest.size(), i + batch)));
            }
        }
        return delivered;
    }

    @Test
    void aResumedEngine_takesTheEventsFromItsPosition_andDeliversWhatOneRunWould() {
        Map<String, String> once = replay(CustomerStores.inMemory(), STORY, 4);

        CustomerStore store = CustomerStores.inMemory();
        Map<String, String> delivered = new LinkedHashMap<>(replay(store, STORY.subList(0, 10), 4)); // then it died
        assertThat(store.load().position()).isEqualTo(10);
        assertThat(store.load().lastEventId()).isEqualTo(STORY.get(9).id());
        replay(store, STORY, 4).forEach(delivered::putIfAbsent); // all events again: sent from position() on

        assertThat(delivered).isEqualTo(once);
        assertThat(store.load().position()).isEqualTo(STORY.size());
    }

    @Test
    void eachCall_commitsOnce_beforeTheSinkSeesItsActions() {
        List<String> log = new ArrayList<>();
        CustomerStore store = new ForwardingCustomerStore(CustomerStores.inMemory()) {
            @Override
            public void commit(StoreCommit c) {
                log.add("commit " + c.position() + " " + c.lastEventId() + " " + c.customers().keySet().stream().sorted()
                        .toList() + " removed " + c.removed() + " actions " + c.actions().size());
                super.commit(c);
            }
        };
        try (Engine engine = Custflow.builder().store(store)
                .actionSink(actions -> log.add("deliver " + actions.size())).build()) {
            List<Action> first = engine.acceptAll(STORY.subList(0, 5)).actions();
            engine.acceptAll(STORY.subList(5, 7)); // L-2 is the same person as L-1: never a record of its own
            // a lead with L-3's phone and L-1's e-mail shows them to be one person: L-3 is folded into L-1
            engine.accept(LeadCaptured.builder("e-link", SnapshotFixtures.at(50), "L-9", "WEBSITE")
                    .phone("13900139000").email("wang.fang@example.com").build());
            engine.accept(STORY.get(0)); // a duplicate counts toward the position
            assertThat(engine.position()).isEqualTo(9);
            assertThat(log).hasSize(7);
            assertThat(log.get(0)).isEqualTo("commit 5 e05 [L-1] removed [] actions " + first.size());
            assertThat(log.get(1)).isEqualTo("deliver " + first.size());
            assertThat(log.get(2)).startsWith("commit 7 e07 [L-1, L-3] removed [] actions ");
            assertThat(log.get(3)).startsWith("deliver ");
            assertThat(log.get(4)).startsWith("commit 8 e-link [L-1] removed [L-3] actions ");
            assertThat(log.get(5)).startsWith("deliver ");
            assertThat(log.get(6)).isEqualTo("commit 9 e01 [] removed [] actions 0");
            assertThat(engine.customer("L-3").orElseThrow().id()).isEqualTo("L-1");
        }
    }

    @Test
    void aFailedCommit_throwsConnectorException_andStopsTheEngine() {
        CustomerStore failing = new CustomerStore() {
            @Override
            public StoredState load() {
                return StoredState.EMPTY;
            }

            @Override
            public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
            }

            @Override
            public void commit(StoreCommit commit) {
                throw new IllegalStateException("disk full");
            }
        };
        List<List<Action>> delivered = new ArrayList<>();
        try (Engine engine = Custflow.builder().store(failing).actionSink(delivered::add).build()) {
            assertThatThrownBy(() -> engine.acceptAll(STORY.subList(0, 3))).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("committing position 3 failed: disk full");
            assertThat(delivered).isEmpty();
            assertThatThrownBy(() -> engine.acceptAll(STORY.subList(3, 4))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Build a new engine on the store and re-send the events from its position()");
        }
    }

    @Test
    void withoutAStore_thePositionStillCounts() {
        try (Engine engine = Custflow.builder().build()) {
            engine.acceptAll(STORY.subList(0, 4));
            engine.acceptAll(STORY.subList(0, 2)); // duplicates count
            assertThat(engine.position()).isEqualTo(6);
        }
    }
}
