package dev.custflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.action.Action;
import dev.custflow.action.TaskCreated;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import dev.custflow.testdata.ReloadRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Reloads from another thread while batches flow: each batch runs entirely on one rule set, nothing is lost. */
class ReloadConcurrencyTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final int BATCHES = 80;
    private static final int BATCH = 300; // above the engine's parallel threshold: the partitions run on their threads

    @Test
    void reloadingWhileBatchesFlow_runsEachBatchOnOneRuleSet_andLosesNothing() throws InterruptedException {
        List<ReloadResult> results = new CopyOnWriteArrayList<>();
        CountDownLatch firstSwap = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Engine engine = Custflow.builder().packs(RulePack.LIFECYCLE).partitions(2)
                .rules(ReloadRules.marker(1)).build()) {
            Thread reloader = new Thread(() -> {
                try {
                    for (int k = 0; !done.get(); k++) {
                        ReloadResult r = engine.reload(List.of(ReloadRules.marker(k % 2 == 0 ? 2 : 1)));
                        results.add(r);
                        if (r.applied()) {
                            firstSwap.countDown();
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                    firstSwap.countDown();
                }
            }, "test-reloader");
            reloader.start();

            List<Action> all = new ArrayList<>();
            Set<String> ruleSetsSeen = new TreeSet<>();
            int accepted = 0;
            for (int b = 0; b < BATCHES; b++) {
                if (b == BATCHES / 4) {
                    // at least one swap lands mid-stream, whatever the scheduling
                    assertThat(firstSwap.await(2, TimeUnit.MINUTES)).isTrue();
                }
                BatchResult r = engine.acceptAll(batch(b));
                accepted += r.accepted();
                all.addAll(r.actions());
                List<String> markers = r.actions().stream()
                        .filter(a -> a instanceof TaskCreated && a.rule().startsWith("marker:"))
                        .map(Action::rule).toList();
                assertThat(markers).as("batch %d", b).hasSize(BATCH);
                assertThat(new HashSet<>(markers)).as("rule sets in batch %d", b).hasSize(1);
                ruleSetsSeen.addAll(markers);
            }
            done.set(true);
            reloader.join(TimeUnit.MINUTES.toMillis(2));

            assertThat(failure.get()).isNull();
            assertThat(reloader.isAlive()).isFalse();
            assertThat(results).isNotEmpty().allMatch(r -> r.status() != ReloadResult.Status.REJECTED);
            assertThat(ruleSetsSeen).containsExactlyInAnyOrder("marker: v1 notes every order",
                    "marker: v2 notes every order");
            assertThat(accepted).isEqualTo(BATCHES * BATCH);
            assertThat(new HashSet<>(all.stream().map(Action::id).toList())).hasSize(all.size());
            assertThat(engine.customerCount()).isEqualTo(BATCH);
        }
    }

    /** Orders of customers C0..C299, one each per batch, a minute apart. */
    private static List<Event> batch(int b) {
        List<Event> out = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            int n = b * BATCH + i;
            out.add(OrderPlaced.of("e" + n, T0.plusSeconds(60L * n), "o" + n, "C" + i, BigDecimal.TEN));
        }
        return out;
    }
}
