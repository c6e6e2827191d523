package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.action.SegmentChanged;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** RFM quintiles put a fifth of the base in each score, whatever the amounts are (ties included). */
class SegmentsProperties {

    @Property(tries = 60)
    void eachMonetaryScoreHoldsAFifthOfTheBase(
            @ForAll @Size(min = 5, max = 120) List<@IntRange(min = 1, max = 6) Integer> amounts) {
        Instant t = Instant.parse("2024-01-02T09:00:00Z");
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) { // amounts from 1 to 6: heavy ties
            events.add(OrderPlaced.of("o" + i, t.plusSeconds(i), "O" + i, "C" + i, BigDecimal.valueOf(amounts.get(i))));
        }
        events.add(new ClockTick("tick", Instant.parse("2024-01-09T00:00:00Z")));
        Map<String, Integer> score = new HashMap<>();
        try (Engine e = Custflow.builder().packs(RulePack.SEGMENTS).build()) {
            e.acceptAll(events).actions().stream().filter(a -> a instanceof SegmentChanged)
                    .map(a -> (SegmentChanged) a).forEach(s -> score.put(s.customerId(), s.rfm().m()));
        }
        int n = amounts.size();
        assertThat(score).hasSize(n);
        Map<Integer, Integer> perScore = new HashMap<>();
        score.values().forEach(m -> perScore.merge(m, 1, Integer::sum));
        for (int m = 1; m <= 5; m++) {
            assertThat(perScore.getOrDefault(m, 0)).as("customers scoring M %d of %d", m, n)
                    .isBetween(n / 5, (n + 4) / 5);
        }
    }
}
