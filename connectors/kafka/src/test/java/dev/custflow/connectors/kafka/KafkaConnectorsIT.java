package dev.custflow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventPump;
import dev.custflow.event.Event;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** KafkaEventSource and KafkaActionSink around an EventPump, on a broker started in this JVM. */
class KafkaConnectorsIT {
    @AutoClose // after the tests, also when one failed
    private static InJvmKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = InJvmKafka.start();
    }

    @Test
    @Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES) // events that never come fail it, not hang it
    void pump_fromTheEventsTopic_toTheActionsTopic_givesTheSingleEngineActions_andAResumedPumpRepeatsNothing()
            throws Exception {
        kafka.createTopic("pump.events", 1);
        kafka.createTopic("pump.actions", 2);
        List<Event> events = StreamData.stream(20, 60, 3);
        List<String> expected = StreamData.singleEngine(events);
        int half = events.size() / 2;
        try (EventPublisher publisher = EventPublisher.of(kafka.clientConfig(), "pump.events")) {
            publisher.publishAll(events.subList(0, half));
        }
        Map<String, Object> consumer = kafka.clientConfig();
        consumer.put("group.id", "custflow-pump");
        CustomerStore store = CustomerStores.inMemory();
        List<EventPump.Rejected> rejected = new ArrayList<>();

        // the first pump takes what is there, then stops
        try (KafkaActionSink sink = KafkaActionSink.of(kafka.clientConfig(), "pump.actions");
             Engine engine = Custflow.builder().settings(StreamData.SETTINGS).store(store).actionSink(sink).build();
             EventPump pump = new EventPump(engine, KafkaEventSource.of(consumer, "pump.events"), rejected::add)) {
            while (engine.position() < half) {
                pump.pumpOnce(Duration.ofMillis(200));
            }
        }
        try (EventPublisher publisher = EventPublisher.of(kafka.clientConfig(), "pump.events")) {
            publisher.publishAll(events.subList(half, events.size()));
        }
        // a new engine on the same store and a new consumer in the same group go on from the committed offsets
        try (KafkaActionSink sink = KafkaActionSink.of(kafka.clientConfig(), "pump.actions");
             Engine engine = Custflow.builder().settings(StreamData.SETTINGS).store(store).actionSink(sink).build();
             EventPump pump = new EventPump(engine, KafkaEventSource.of(consumer, "pump.events"), rejected::add)) {
            while (engine.position() < events.size()) {
                pump.pumpOnce(Duration.ofMillis(200));
            }
            assertThat(engine.position()).as("no event read twice").isEqualTo(events.size());
        }
        try (InJvmKafka.Reader reader = kafka.reader("pump.actions")) {
            List<String> got = reader.readAtLeast(expected.size(), Duration.ofSeconds(30));
            assertThat(rejected).isEmpty();
            assertThat(got).hasSameSizeAs(expected);
            assertThat(StreamData.byCustomer(got)).isEqualTo(StreamData.byCustomer(expected));
        }
    }
}
