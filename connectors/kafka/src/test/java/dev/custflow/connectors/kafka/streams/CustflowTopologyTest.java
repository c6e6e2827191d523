package dev.custflow.connectors.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Json;
import dev.custflow.connectors.kafka.StreamData;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.model.OrderStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The topology in TopologyTestDriver: one driver per stream task, fed what EventPublisher puts on its partition. */
class CustflowTopologyTest {
    private static final CustflowTopology REPRODUCIBLE = CustflowTopology.builder()
            .settings(StreamData.SETTINGS)
            .wallClockInterval(Duration.ZERO)
            .build();

    @Test
    void perTaskEngines_onFourPartitions_decideWhatOneEngineDecides() {
        List<Event> events = StreamData.stream(40, 120, 7);
        List<String> expected = StreamData.singleEngine(events);
        List<String> got = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            try (TopologyHarness task = new TopologyHarness(REPRODUCIBLE)) {
                task.pipe(StreamData.partition(events, p, 4));
                got.addAll(task.actionsJson());
                assertThat(task.deadLetters.isEmpty()).isTrue();
            }
        }
        assertThat(types(expected)).contains("CHURN_WARNING", "STAGE_CHANGED", "SEGMENT_CHANGED", "LEAD_SCORED");
        // per customer the same actions in the same order (across partitions the order is not defined)
        assertThat(got).hasSameSizeAs(expected);
        assertThat(StreamData.byCustomer(got)).isEqualTo(StreamData.byCustomer(expected));
    }

    @Test
    void restart_fromTheChangelog_losesNothingAndRepeatsNothing() {
        List<Event> events = StreamData.stream(30, 100, 11);
        List<String> expected = StreamData.singleEngine(events);
        int half = events.size() / 2;
        List<String> got = new ArrayList<>();
        List<KeyValue<String, byte[]>> changelog;
        try (TopologyHarness first = new TopologyHarness(REPRODUCIBLE)) {
            first.pipe(events.subList(0, half));
            got.addAll(first.actionsJson());
            changelog = first.changelog.readKeyValuesToList();
        }
        // another instance takes the task over: its store is rebuilt from the changelog records, and the input is
        // read again from a little before where the first one stopped (offsets not committed yet)
        try (TopologyHarness second = new TopologyHarness(REPRODUCIBLE)) {
            second.restore(changelog, "custflow-engine");
            second.pipe(events.subList(half - 25, events.size()));
            got.addAll(second.actionsJson());
        }
        assertThat(changelog).isNotEmpty();
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void idlePartition_onlyTheWallClockPunctuation_firesTheChurnWarning() {
        List<Event> history = List.of(
                OrderPlaced.of("e1", Instant.parse("2025-01-02T03:00:00Z"), "o1", "quiet", BigDecimal.valueOf(800)),
                new OrderStatusChanged("e2", Instant.parse("2025-01-04T03:00:00Z"), "o1", OrderStatus.DELIVERED, null,
                        "quiet"));
        for (Duration interval : List.of(Duration.ZERO, Duration.ofMinutes(1))) {
            CustflowTopology topology = CustflowTopology.builder().settings(StreamData.SETTINGS)
                    .wallClockInterval(interval).persistentStore(false).build();
            try (TopologyHarness task = new TopologyHarness(topology, Instant.parse("2025-01-04T03:00:00Z"))) {
                task.pipe(history);
                assertThat(types(task.actionsJson())).doesNotContain("CHURN_WARNING");
                task.driver.advanceWallClockTime(Duration.ofMinutes(2));
                assertThat(types(task.actionsJson())).doesNotContain("CHURN_WARNING");
                // 40 days pass on the wall clock and no event comes to this partition: stream time stands still
                task.driver.advanceWallClockTime(Duration.ofDays(40));
                List<String> later = task.actionsJson();
                if (interval.isZero()) {
                    assertThat(types(later)).as("without the wall-clock punctuation").doesNotContain("CHURN_WARNING");
                } else {
                    assertThat(later).anySatisfy(json -> assertThat(json)
                            .contains("\"type\":\"CHURN_WARNING\"").contains("\"customerId\":\"quiet\""));
                }
            }
        }
    }

    @Test
    void badRecords_goToTheDeadLetterTopic_withTheirOffset_andTheStreamGoesOn() {
        try (TopologyHarness task = new TopologyHarness(REPRODUCIBLE)) {
            task.events.pipeInput("c1", "{not json", Instant.parse("2025-01-02T03:00:00Z"));
            task.events.pipeInput("c1", Json.write(new OrderStatusChanged("s1", Instant.parse("2025-01-02T03:00:00Z"),
                    "never-placed", OrderStatus.SHIPPED, null, null)), Instant.parse("2025-01-02T03:00:00Z"));
            task.pipe(List.of(OrderPlaced.of("e1", Instant.parse("2025-01-02T04:00:00Z"), "o1", "c1",
                    BigDecimal.valueOf(100))));

            List<TestRecord<String, String>> dead = task.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(2);
            assertThat(header(dead.get(0), CustflowTopology.ORIGIN_HEADER)).isEqualTo("topic custflow.events-0, offset 0");
            assertThat(dead.get(0).value()).isEqualTo("{not json");
            assertThat(header(dead.get(1), CustflowTopology.ORIGIN_HEADER)).isEqualTo("topic custflow.events-0, offset 1");
            assertThat(header(dead.get(1), CustflowTopology.PROBLEM_HEADER)).contains("never-placed");
            assertThat(task.actionsJson()).isNotEmpty();
        }
    }

    @Test
    void actions_areKeyedByCustomer_withTheActionIdInAHeader_stampedWhenWritten() {
        Instant wallClock = Instant.parse("2026-07-01T08:00:00Z");
        try (TopologyHarness task = new TopologyHarness(REPRODUCIBLE, wallClock)) {
            task.pipe(List.of(OrderPlaced.of("e1", Instant.parse("2025-01-02T04:00:00Z"), "o1", "c1",
                    BigDecimal.valueOf(100))));
            List<TestRecord<String, String>> out = task.actions.readRecordsToList();
            assertThat(out).isNotEmpty().allSatisfy(r -> {
                assertThat(r.key()).isEqualTo("c1");
                assertThat(Json.readAction(r.value()).id()).isEqualTo(header(r, "custflow.action-id"));
                // the wall time it was written at, so the topic's retention counts from then; its own time is its at
                assertThat(r.getRecordTime()).isEqualTo(wallClock);
                assertThat(Json.readAction(r.value()).at()).isEqualTo(Instant.parse("2025-01-02T04:00:00Z"));
            });
        }
    }

    private static String header(TestRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Set<String> types(List<String> actionsJson) {
        Set<String> out = new TreeSet<>();
        actionsJson.forEach(json -> out.add(Json.readAction(json).type()));
        return out;
    }
}
