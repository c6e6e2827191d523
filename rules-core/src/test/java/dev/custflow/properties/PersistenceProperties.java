package dev.custflow.properties;

import static dev.custflow.testdata.StoreContents.customers;
import static dev.custflow.testdata.StoreContents.engineParts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.ConnectorException;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.event.Event;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.runtime.DefaultEngine;
import dev.custflow.internal.runtime.Snapshots;
import dev.custflow.model.CustomerProfile;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import dev.custflow.spi.ForwardingCustomerStore;
import dev.custflow.spi.StoreCommit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Resuming from a store (docs/connectors.md): an engine thrown away after any call (a crash after its last commit),
 * or stopped by a failed commit, and a new engine built on the same store that goes on from
 * {@link Engine#position()}, deliver exactly the actions of one uninterrupted run and end with the same profiles,
 * the same snapshots and the same engine state. The streams have leads that merge, reps that take leads, orders,
 * tickets, churn warnings and ticks.
 */
class PersistenceProperties {

    /** What a run left: the actions delivered (first delivery of each id), the profiles, the store's contents. */
    record Outcome(List<String> delivered, TreeMap<String, CustomerProfile> profiles, TreeMap<String, String> stored,
                   TreeMap<String, String> engineParts, long position) {
    }

    @Provide
    Arbitrary<List<Event>> streams() {
        return EngineArbitraries.streams(150);
    }

    @Property(tries = 60)
    void crashesAfterAnyCalls_thenResuming_deliversTheActionsOfOneRun(
            @ForAll("streams") List<Event> events, @ForAll @IntRange(min = 1, max = 3) int partitions,
            @ForAll @IntRange(min = 1, max = 25) int batch, @ForAll long crashSeed) {
        Random r = new Random(crashSeed);
        int crashes = 1 + r.nextInt(3);
        Outcome once = run(events, partitions, batch, call -> false, null);
        Outcome resumed = run(events, partitions, batch, call -> r.nextInt(Math.max(1, events.size() / batch / crashes)) == 0,
                null);
        Statistics.label("crashes").collect(Math.min(crashes, 3));
        assertThat(resumed).isEqualTo(once);
    }

    @Property(tries = 40)
    void aFailedCommit_stopsTheEngine_andAResumeRedoesTheCall(
            @ForAll("streams") List<Event> events, @ForAll @IntRange(min = 1, max = 3) int partitions,
            @ForAll @IntRange(min = 1, max = 25) int batch, @ForAll @IntRange(min = 1, max = 40) int failAt) {
        Outcome once = run(events, partitions, batch, call -> false, null);
        Outcome resumed = run(events, partitions, batch, call -> false, failAt);
        assertThat(resumed).isEqualTo(once);
    }

    @Property(tries = 30)
    void theStore_holdsWhatTheEngineHolds_afterEveryCall(@ForAll("streams") List<Event> events,
                                                       @ForAll @IntRange(min = 1, max = 3) int partitions,
                                                       @ForAll @IntRange(min = 1, max = 10) int batch) {
        CustomerStore store = CustomerStores.inMemory();
        try (Engine engine = Custflow.builder().partitions(partitions).store(store).build()) {
            for (int i = 0; i < events.size(); i += batch) {
                engine.acceptAll(events.subList(i, Math.min(events.size(), i + batch)));
                assertThat(customers(store)).isEqualTo(live(engine));
                assertThat(store.load().position()).isEqualTo(Math.min(events.size(), i + batch));
            }
        }
    }

    /** A call counter that says when to crash (throw the engine away without closing it). */
    interface CrashPlan {
        boolean crashAfter(int call);
    }

    /**
     * Runs the stream in batches through engines on one in-memory store, replacing the engine after the calls the
     * plan names, or once when the commit number {@code failAt} fails.
     */
    static Outcome run(List<Event> events, int partitions, int batch, CrashPlan plan, Integer failAt) {
        FailingStore store = new FailingStore(CustomerStores.inMemory(), failAt == null ? -1 : failAt);
        Map<String, String> delivered = new LinkedHashMap<>();
        Engine engine = build(partitions, store, delivered);
        int call = 0;
        while (engine.position() < events.size()) {
            int from = (int) engine.position();
            List<Event> chunk = events.subList(from, Math.min(events.size(), from + batch));
            try {
                engine.acceptAll(chunk);
            } catch (ConnectorException e) {
                assertThat(e).hasMessageContaining("commit number " + failAt);
                Engine stopped = engine;
                assertThatThrownBy(() -> stopped.acceptAll(chunk)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Build a new engine on the store");
                engine = build(partitions, store, delivered);
                continue;
            }
            if (plan.crashAfter(++call)) {
                engine = build(partitions, store, delivered); // the old one is dropped as it is: no close
            }
        }
        TreeMap<String, CustomerProfile> profiles = new TreeMap<>();
        engine.forEachCustomer(p -> profiles.put(p.id(), p));
        Outcome o = new Outcome(new ArrayList<>(delivered.values()), profiles, customers(store),
                engineParts(store), engine.position());
        engine.close();
        return o;
    }

    private static Engine build(int partitions, CustomerStore store, Map<String, String> delivered) {
        return Custflow.builder().partitions(partitions).store(store)
                .actionSink(actions -> actions.forEach(a -> delivered.putIfAbsent(a.id(), Json.write(a))))
                .build();
    }

    static TreeMap<String, String> live(Engine engine) {
        TreeMap<String, String> m = new TreeMap<>();
        ((DefaultEngine) engine).forEachCustomerFact(c -> m.put(c.getId(),
                Base64.getEncoder().encodeToString(Snapshots.customer((CustomerRecord) c))));
        return m;
    }

    /** A store whose commit number {@code failAt} (counting from 1) fails once, writing nothing. */
    static final class FailingStore extends ForwardingCustomerStore {
        private final int failAt;
        private int commits;

        FailingStore(CustomerStore inner, int failAt) {
            super(inner);
            this.failAt = failAt;
        }

        @Override
        public void commit(StoreCommit commit) {
            if (++commits == failAt) {
                throw new ConnectorException("failing-store", "commit number " + failAt, null);
            }
            super.commit(commit);
        }
    }
}
