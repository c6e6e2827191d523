package dev.custflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.event.Event;
import dev.custflow.settings.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fairness of every ratio in BENCHMARKS.md: the hand-written baseline decides exactly what the
 * engine's lifecycle pack decides, customer by customer.
 */
class BaselineAgreesWithEngineTest {

    private static void assertSameStages(List<Event> stream) {
        Settings s = Settings.ofDefaults();
        PlainLifecycle base = new PlainLifecycle(s.lifecycle(), s.scoring().mqlThreshold());
        stream.forEach(base::accept);
        try (Engine engine = Custflow.builder().packs(RulePack.LIFECYCLE).settings(s).build()) {
            engine.acceptAll(stream);
            assertThat(engine.customerCount()).isEqualTo(base.customerCount());
            long transitions = 0;
            int[] checked = {0};
            engine.forEachCustomer(c -> {
                assertThat(base.stage(c.id())).as(c.id()).isEqualTo(c.stage());
                checked[0]++;
            });
            for (var p : engine.auditTrail(Integer.MAX_VALUE)) {
                transitions++;
            }
            assertThat(checked[0]).isEqualTo(base.customerCount());
            assertThat(base.transitions()).isEqualTo(transitions);
        }
    }

    @Test
    void theMixedStreamOfW1_givesTheSameStagesAndTransitions() {
        assertSameStages(Workload.mixed(2_000, 20_000, 365, 7));
    }

    @Test
    void theDormancyBaseOfW2_givesTheSameStagesAfterTheTicks() {
        List<Event> orders = new java.util.ArrayList<>(Workload.oneOrderEach(3_000, 100, 3));
        for (int d = 180; d < 300; d += 7) {
            orders.add(new dev.custflow.event.ClockTick("t" + d, Workload.day(d)));
        }
        assertSameStages(orders);
    }
}
