package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.event.Event;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.model.CustomerProfile;
import dev.custflow.model.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Invariants of the engine that hold for any valid event stream. */
class EngineProperties {

    /** What a run produced: every action as JSON, and every profile. */
    record Outcome(List<String> actions, TreeMap<String, CustomerProfile> profiles) {
    }

    static Outcome run(List<? extends Event> events, int partitions, int batchSize) {
        try (Engine engine = Custflow.builder().partitions(partitions).build()) {
            List<String> actions = new ArrayList<>();
            for (int i = 0; i < events.size(); i += batchSize) {
                BatchResult r = engine.acceptAll(events.subList(i, Math.min(events.size(), i + batchSize)));
                r.actions().forEach(a -> actions.add(Json.write(a)));
            }
            TreeMap<String, CustomerProfile> profiles = new TreeMap<>();
            engine.forEachCustomer(p -> profiles.put(p.id(), p));
            return new Outcome(actions, profiles);
        }
    }

    @Provide
    Arbitrary<List<Event>> streams() {
        return EngineArbitraries.streams(120);
    }

    @Property(tries = 60)
    void replayingTheSameEvents_givesTheSameActions(@ForAll("streams") List<Event> events) {
        assertThat(run(events, 1, events.size())).isEqualTo(run(events, 1, events.size()));
    }

    @Property(tries = 60)
    void aDuplicatedEvent_changesNothing(@ForAll("streams") List<Event> events, @ForAll @IntRange(max = 1000) int a,
                                         @ForAll @IntRange(max = 1000) int b) {
        int from = a % events.size();
        int to = from + b % (events.size() - from) + 1;
        List<Event> withDuplicate = new ArrayList<>(events);
        withDuplicate.add(to, events.get(from));
        assertThat(run(withDuplicate, 1, 7)).isEqualTo(run(events, 1, 7));
    }

    @Property(tries = 60)
    void aRejectedEvent_changesNothing(@ForAll("streams") List<Event> events, @ForAll @IntRange(max = 1000) int a) {
        List<Event> withBad = new ArrayList<>(events);
        // far in the future: if it were applied at all, it would move the clock and wake everybody
        withBad.add(a % (events.size() + 1), new OrderStatusChanged("bad", Instant.parse("2099-01-01T00:00:00Z"),
                "no-such-order", OrderStatus.SHIPPED, null, null));
        assertThat(run(withBad, 1, 5)).isEqualTo(run(events, 1, 5));
    }

    @Property(tries = 40)
    void thePartitionCount_doesNotChangeTheActions(@ForAll("large") List<Event> events,
                                                   @ForAll @IntRange(min = 2, max = 6) int partitions) {
        Outcome one = run(events, 1, events.size());
        Statistics.label("a referrer made ADVOCATE by a referral (followed up across partitions)")
                .collect(one.actions().stream().anyMatch(a -> a.contains("loyal referrer becomes ADVOCATE")));
        assertThat(run(events, partitions, events.size())).isEqualTo(one);
    }

    @Property(tries = 40)
    void batching_doesNotChangeTheActions(@ForAll("streams") List<Event> events,
                                          @ForAll @IntRange(min = 1, max = 50) int batch) {
        assertThat(run(events, 3, batch)).isEqualTo(run(events, 1, events.size()));
    }

    @Provide
    Arbitrary<List<Event>> large() {
        return EngineArbitraries.streams(600); // above the parallel threshold, so partitions run on threads
    }
}
