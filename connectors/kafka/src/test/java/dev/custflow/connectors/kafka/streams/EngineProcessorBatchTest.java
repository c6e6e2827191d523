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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * A task's batches, driven as Kafka Streams drives the processor: records taken one by one, punctuations, and the
 * commit, which runs the pending batch through the {@link CommitHook} before the task's offsets commit.
 */
class EngineProcessorBatchTest {
    private static final Instant JAN_2 = Instant.parse("2025-01-02T03:00:00Z");
    private static final Instant JAN_4 = Instant.parse("2025-01-04T03:00:00Z");
    private static final List<Event> QUIET_CUSTOMER = List.of(
            OrderPlaced.of("e1", JAN_2, "o1", "quiet", BigDecimal.valueOf(800)),
            new OrderStatusChanged("e2", JAN_4, "o1", OrderStatus.DELIVERED, null, "quiet"));

    @Test
    void aBadRecordInABatch_goesToTheDeadLetterTopic_andTheOthersGoOn() {
        Task task = new Task(CustflowTopology.builder().settings(StreamData.SETTINGS).wallClockInterval(Duration.ZERO));
        Event placed = OrderPlaced.of("e1", JAN_2, "o1", "c1", BigDecimal.valueOf(100));
        Event unknownOrder = new OrderStatusChanged("s1", JAN_2, "never-placed", OrderStatus.SHIPPED, null, null);
        Event later = OrderPlaced.of("e2", JAN_4, "o2", "c2", BigDecimal.valueOf(300));
        task.take(placed);
        task.takeRaw("c1", "{not json");
        task.take(unknownOrder);
        task.take(later);
        assertThat(task.context.forwarded()).as("held until the commit").isEmpty();

        task.commit();

        List<Record<?, ?>> dead = task.forwarded(CustflowTopology.DEAD_LETTER_SINK);
        assertThat(dead).extracting(r -> header(r, CustflowTopology.ORIGIN_HEADER))
                .containsExactly("topic custflow.events-0, offset 1", "topic custflow.events-0, offset 2");
        assertThat(dead.get(0).value()).isEqualTo("{not json");
        assertThat(header(dead.get(1), CustflowTopology.PROBLEM_HEADER)).contains("never-placed");
        assertThat(task.actions()).isNotEmpty().isEqualTo(StreamData.singleEngine(List.of(placed, later)));
    }

    @Test
    void batchesOfAnySize_decideWhatRecordByRecordDecides_inTheSameOrder() {
        List<Event> events = StreamData.stream(12, 45, 3);
        List<String> expected = StreamData.singleEngine(events);
        for (int maxBatch : new int[] {1, 7, 1_000}) {
            Task task = new Task(CustflowTopology.builder().settings(StreamData.SETTINGS)
                    .wallClockInterval(Duration.ZERO).maxBatchSize(maxBatch));
            for (int i = 0; i < events.size(); i++) {
                task.take(events.get(i));
                if (i % 37 == 36) {
                    task.commit(); // commits fall where the commit interval puts them, not on batch boundaries
                }
            }
            task.commit();
            assertThat(task.actions()).as("batches of at most " + maxBatch).isEqualTo(expected);
        }
    }

    @Test
    void aFullBatch_goesToTheEngineWithoutWaitingForTheCommit() {
        List<Event> events = StreamData.stream(5, 30, 2);
        Task task = new Task(CustflowTopology.builder().settings(StreamData.SETTINGS).wallClockInterval(Duration.ZERO)
                .maxBatchSize(10));
        events.subList(0, 9).forEach(task::take);
        assertThat(task.context.forwarded()).isEmpty();
        task.take(events.get(9));
        assertThat(task.actions()).isEqualTo(StreamData.singleEngine(events.subList(0, 10)));
    }

    @Test
    void aRepeatedEventInOneBatch_isDroppedAsADuplicate_andARepeatedBadOneIsDeadLetteredTwice() {
        Task task = new Task(CustflowTopology.builder().settings(StreamData.SETTINGS).wallClockInterval(Duration.ZERO));
        Event placed = OrderPlaced.of("e1", JAN_2, "o1", "c1", BigDecimal.valueOf(100));
        Event unknownOrder = new OrderStatusChanged("s1", JAN_2, "never-placed", OrderStatus.SHIPPED, null, null);
        task.take(placed);
        task.take(unknownOrder);
        task.take(placed); // the producer sent it again
        task.take(unknownOrder);
        task.commit();

        assertThat(task.actions()).isEqualTo(StreamData.singleEngine(List.of(placed)));
        assertThat(task.forwarded(CustflowTopology.DEAD_LETTER_SINK))
                .extracting(r -> header(r, CustflowTopology.ORIGIN_HEADER))
                .containsExactly("topic custflow.events-0, offset 1", "topic custflow.events-0, offset 3");
    }

    @Test
    void theWallClockPunctuation_onAnIdlePartition_runsThePendingBatchFirst_thenMovesTheClock() {
        Task task = new Task(CustflowTopology.builder().settings(StreamData.SETTINGS)
                .wallClockInterval(Duration.ofMinutes(1)));
        task.context.setCurrentSystemTimeMs(JAN_4.toEpochMilli());
        QUIET_CUSTOMER.forEach(task::take);

        // 40 days pass on the wall clock and no record comes, nor a commit (a task with nothing taken commits nothing)
        task.context.setCurrentSystemTimeMs(JAN_4.plus(Duration.ofDays(40)).toEpochMilli());
        task.punctuate(PunctuationType.WALL_CLOCK_TIME, task.context.currentSystemTimeMs());

        List<String> actions = task.actions();
        List<String> history = StreamData.singleEngine(QUIET_CUSTOMER);
        assertThat(actions.subList(0, history.size())).isEqualTo(history);
        assertThat(actions.subList(history.size(), actions.size())).isNotEmpty()
                .anySatisfy(json -> assertThat(json).contains("\"type\":\"CHURN_WARNING\""));
    }

    @Test
    void theStreamTimePunctuation_withABatchPending_movesTheClockAfterTheBatch() {
        Task task = new Task(CustflowTopology.builder().settings(StreamData.SETTINGS).wallClockInterval(Duration.ZERO));
        QUIET_CUSTOMER.forEach(task::take);
        // stream time 40 days on (a later record the engine will not apply, say): the punctuation holds the move
        task.punctuate(PunctuationType.STREAM_TIME, JAN_4.plus(Duration.ofDays(40)).toEpochMilli());
        assertThat(task.context.forwarded()).isEmpty();

        task.commit();

        List<String> actions = task.actions();
        List<String> history = StreamData.singleEngine(QUIET_CUSTOMER);
        assertThat(actions.subList(0, history.size())).isEqualTo(history);
        assertThat(actions.subList(history.size(), actions.size()))
                .anySatisfy(json -> assertThat(json).contains("\"type\":\"CHURN_WARNING\""));
    }

    @Test
    void aTaskClosedDirty_dropsItsPendingBatch_andTheRecordsReadAgainAreAppliedOnce() {
        List<Event> events = StreamData.stream(8, 30, 4);
        Task task = new Task(CustflowTopology.builder().settings(StreamData.SETTINGS).wallClockInterval(Duration.ZERO));
        int committed = events.size() / 3;
        events.subList(0, committed).forEach(task::take);
        task.commit();
        events.subList(committed, events.size() / 2).forEach(task::take); // taken, then the task fails: no commit
        task.processor.close();
        task.processor.init(task.context); // revived: the store as of the commit, input again from its offsets
        events.subList(committed, events.size()).forEach(task::take);
        task.commit();

        assertThat(task.actions()).isEqualTo(StreamData.singleEngine(events));
    }

    private static String header(Record<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** One task: its processor on a mock context, its store and its commit hook. */
    private static final class Task {
        final MockProcessorContext<String, String> context = new MockProcessorContext<>();
        final EngineProcessor processor;
        final CommitHook hook;
        private long offset;

        Task(CustflowTopology.Builder builder) {
            CustflowTopology config = builder.build();
            context.setCurrentSystemTimeMs(0);
            KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(config.storeName()), Serdes.String(), Serdes.ByteArray())
                    .withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
            hook = new CommitHook(config.commitHookName());
            context.addStateStore(hook);
            processor = new EngineProcessor(config);
            processor.init(context);
        }

        void take(Event e) {
            takeRaw(e.subjectId() == null ? "c1" : e.subjectId(), Json.write(e));
        }

        void takeRaw(String key, String value) {
            context.setRecordMetadata("custflow.events", 0, offset++);
            processor.process(new Record<>(key, value, 0L));
        }

        /** What Kafka Streams does first when it commits the task. */
        void commit() {
            hook.flushCache();
        }

        void punctuate(PunctuationType type, long time) {
            context.scheduledPunctuators().stream().filter(p -> p.getType() == type).findFirst().orElseThrow()
                    .getPunctuator().punctuate(time);
        }

        List<Record<?, ?>> forwarded(String child) {
            List<Record<?, ?>> out = new ArrayList<>();
            context.forwarded(child).forEach(f -> out.add(f.record()));
            return out;
        }

        List<String> actions() {
            List<String> out = new ArrayList<>();
            forwarded(CustflowTopology.ACTIONS_SINK).forEach(r -> out.add((String) r.value()));
            return out;
        }
    }
}
