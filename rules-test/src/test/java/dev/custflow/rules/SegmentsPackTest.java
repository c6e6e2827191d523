package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.action.SegmentChanged;
import dev.custflow.event.Event;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The segments pack (docs/design/rules-catalog.md §9): RFM scores, segments, buying-frequency tags. */
class SegmentsPackTest {
    private static final Settings FIXED = Settings.builder().set("segments.mode", "FIXED").build();

    private static ExpectedAction segment(String customerId, String segment, int r, int f, int m) {
        return ExpectedAction.of("SEGMENT_CHANGED").with("customerId", customerId).with("segment", segment)
                .with("rfm.r", r).with("rfm.f", f).with("rfm.m", m);
    }

    @Test
    void segments_fixedThresholds_aFirstOrderMakesANewCustomer_taggedOccasional() {
        RuleVerifier.forPacks(FIXED, RulePack.SEGMENTS)
                .when(order("o1", "C1", "2024-01-02", 100))
                .thenExpectOnly(segment("C1", "NEW", 5, 1, 1)
                                .with("rule", "segments: a first order makes a NEW customer")
                                .with("reason", "first order 0 days ago"),
                        ExpectedAction.of("TAG_ADDED").with("tag", "occasional-buyer"));
    }

    @Test
    void segments_fixedThresholds_recentFrequentBigBuyerIsHighValue_andTaggedFrequent() {
        List<Event> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(order("o" + i, "C1", "2024-01-0" + (i + 1), 3_000));
        }
        // 5 orders (F 4: from 5 orders), 15,000 spent (M 4: from 5,000), today (R 5)
        RuleVerifier.forPacks(FIXED, RulePack.SEGMENTS)
                .given(orders.subList(0, 4))
                .when(orders.get(4))
                .thenExpectOnly(segment("C1", "HIGH_VALUE", 5, 4, 4)
                                .with("reason", "RFM 544: among the most recent, frequent and big buyers"),
                        ExpectedAction.of("TAG_ADDED").with("tag", "frequent-buyer")
                                .with("reason", "buys often: frequency score 4"));
    }

    /** Ten customers who spent 100, 200 ... 1,000 once on 2024-01-02, and one more order for the big ones. */
    private static List<Event> tenCustomers() {
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add(order("o" + i, "C" + i, "2024-01-02", i * 100));
        }
        return events;
    }

    @Test
    void segments_quintiles_areRecomputedWeekly_eachScoreHoldingAFifthOfTheBase() {
        List<Action> actions = new ArrayList<>();
        try (Engine e = Custflow.builder().packs(RulePack.SEGMENTS).actionSink(actions::addAll).build()) {
            e.acceptAll(tenCustomers());
            assertThat(actions).as("no scores before the first weekly recompute").isEmpty();
            e.accept(tick("2024-01-08")); // Monday 2024-01-08 00:00 in Shanghai has passed
        }
        Map<String, SegmentChanged> byCustomer = new TreeMap<>();
        actions.stream().filter(a -> a instanceof SegmentChanged).map(a -> (SegmentChanged) a)
                .forEach(s -> byCustomer.put(s.customerId(), s));
        assertThat(byCustomer).hasSize(10);
        // monetary: two customers per fifth, the biggest spenders scoring 5
        assertThat(byCustomer.get("C10").rfm().m()).isEqualTo(5);
        assertThat(byCustomer.get("C9").rfm().m()).isEqualTo(5);
        assertThat(byCustomer.get("C1").rfm().m()).isEqualTo(1);
        Map<Integer, Integer> perScore = new TreeMap<>();
        byCustomer.values().forEach(s -> perScore.merge(s.rfm().m(), 1, Integer::sum));
        assertThat(perScore).containsExactly(Map.entry(1, 2), Map.entry(2, 2), Map.entry(3, 2), Map.entry(4, 2),
                Map.entry(5, 2));
        assertThat(byCustomer.values()).allMatch(s -> s.rule().startsWith("segments: "));
    }

    @Test
    void segments_aSegmentChangeIsEmittedOnlyWhenTheSegmentChanges() {
        List<Action> actions = new ArrayList<>();
        try (Engine e = Custflow.builder().packs(RulePack.SEGMENTS).actionSink(actions::addAll).build()) {
            e.acceptAll(tenCustomers());
            e.accept(tick("2024-01-08"));
            actions.clear();
            e.accept(tick("2024-01-15")); // the next week: nothing changed relative to the others
        }
        assertThat(actions).noneMatch(a -> a instanceof SegmentChanged);
    }

    @Test
    void segments_theBatchSizeDoesNotChangeWhatTheRecomputeDecides() {
        List<Event> events = new ArrayList<>(tenCustomers());
        events.add(tick("2024-01-08"));
        events.add(order("o99", "C1", "2024-01-09", 5_000));
        events.add(tick("2024-01-16"));
        List<String> whole = new ArrayList<>();
        List<String> single = new ArrayList<>();
        try (Engine e = Custflow.builder().packs(RulePack.SEGMENTS).partitions(3).build()) {
            e.acceptAll(events).actions().forEach(a -> whole.add(dev.custflow.Json.write(a)));
        }
        try (Engine e = Custflow.builder().packs(RulePack.SEGMENTS).build()) {
            for (Event ev : events) {
                e.accept(ev).forEach(a -> single.add(dev.custflow.Json.write(a)));
            }
        }
        assertThat(whole).isEqualTo(single).isNotEmpty();
    }
}
