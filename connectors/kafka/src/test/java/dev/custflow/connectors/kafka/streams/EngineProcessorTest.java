package dev.custflow.connectors.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Json;
import dev.custflow.connectors.kafka.StreamData;
import dev.custflow.event.Event;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The processor on its own, as Kafka Streams drives it when a task is revived. */
class EngineProcessorTest {

    @Test
    void aRevivedTask_initsTheSameProcessorAgain_andItsEngineStartsFromTheStore() {
        CustflowTopology config = CustflowTopology.builder().settings(StreamData.SETTINGS).build();
        MockProcessorContext<String, String> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(0);
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(config.storeName()), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        CommitHook commit = new CommitHook(config.commitHookName());
        context.addStateStore(commit);
        List<Event> events = StreamData.stream(10, 30, 1);
        List<String> expected = StreamData.singleEngine(events);
        int half = events.size() / 2;

        EngineProcessor processor = new EngineProcessor(config);
        processor.init(context);
        feed(processor, context, events.subList(0, half));
        commit.flushCache(); // the task commits...
        processor.close(); // ...then is closed dirty...
        processor.init(context); // ...and revived: the same instance, the store as the changelog restored it
        feed(processor, context, events.subList(half, events.size()));
        commit.flushCache();
        processor.close();

        List<String> got = new ArrayList<>();
        context.forwarded(CustflowTopology.ACTIONS_SINK).forEach(f -> got.add((String) f.record().value()));
        assertThat(got).isEqualTo(expected);
    }

    private static void feed(EngineProcessor processor, MockProcessorContext<String, String> context,
                             List<Event> events) {
        for (Event e : events) {
            context.setRecordMetadata("custflow.events", 0, 0);
            processor.process(new Record<>(e.subjectId(), Json.write(e), e.at().toEpochMilli()));
        }
    }
}
