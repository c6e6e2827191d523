package dev.custflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fairness of W3's ratios: the harness's engine on the JDBC store (H2 file), whose actions reach the sink only
 * through the outbox and the relay, decides and delivers exactly the actions of the same harness without a store.
 */
class W3StoreRunAgreesWithNoStoreRunTest {

    private static List<Action> deliveredBy(List<Event> stream, W3Bench.Target target, int run,
                                            W3Bench.Result[] result) {
        List<Action> got = Collections.synchronizedList(new ArrayList<>());
        result[0] = W3Bench.run(stream, 100, target, run, got::addAll);
        return new ArrayList<>(got);
    }

    /** The actions by the key a relay keeps in order (the customer), each in its order, as JSON. */
    private static Map<String, List<String>> byCustomer(List<Action> actions) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Action a : actions) {
            String key = a.customerId() != null ? a.customerId() : "@" + a.type();
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(Json.write(a));
        }
        return out;
    }

    @Test
    void w1Stream_onTheH2StoreWithTheRelay_deliversTheActionsOfTheRunWithoutAStore() {
        List<Event> stream = Workload.mixed(150, 1_500, 30, 11);
        W3Bench.Result[] plain = new W3Bench.Result[1];
        W3Bench.Result[] stored = new W3Bench.Result[1];
        List<Action> expected = deliveredBy(stream, W3Bench.NO_STORE, 1, plain);
        List<Action> actual = deliveredBy(stream, W3Bench.h2(Path.of("target", "w3-test")), 2, stored);

        assertThat(plain[0].actions()).isPositive().isEqualTo(expected.size());
        assertThat(stored[0].actions()).isEqualTo(plain[0].actions());
        assertThat(stored[0].delivered()).isEqualTo(actual.size());
        assertThat(stored[0].customers()).isEqualTo(plain[0].customers());
        assertThat(stored[0].commits()).hasSize((stream.size() + 99) / 100);
        assertThat(actual).extracting(Action::id).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(Action::id).toList());
        assertThat(byCustomer(actual)).isEqualTo(byCustomer(expected));
    }
}
