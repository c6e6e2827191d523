package dev.custflow.connectors.kafka.streams;

import dev.custflow.Json;
import dev.custflow.connectors.kafka.EventPublisher;
import dev.custflow.event.Event;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** One stream task of the Custflow topology in a TopologyTestDriver: its input, its outputs, its changelog. */
final class TopologyHarness implements AutoCloseable {
    static final String APP = "custflow-test";

    final TopologyTestDriver driver;
    final TestInputTopic<String, String> events;
    final TestOutputTopic<String, String> actions;
    final TestOutputTopic<String, String> deadLetters;
    final TestOutputTopic<String, byte[]> changelog;

    TopologyHarness(CustflowTopology topology, Instant wallClock) {
        Properties p = CustflowTopology.recommendedConfig(APP, "in-test-driver:9092",
                Path.of("target", "kafka-state", UUID.randomUUID().toString()));
        driver = new TopologyTestDriver(topology.topology(), p, wallClock);
        events = driver.createInputTopic(topology.eventsTopic(), new StringSerializer(), new StringSerializer());
        actions = driver.createOutputTopic(topology.actionsTopic(), new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(topology.deadLetterTopic(), new StringDeserializer(),
                new StringDeserializer());
        changelog = driver.createOutputTopic(APP + "-" + topology.storeName() + "-changelog", new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    TopologyHarness(CustflowTopology topology) {
        this(topology, Instant.parse("2025-01-01T00:00:00Z"));
    }

    /**
     * When the piped records were published, as their timestamps: later than any event of the tests, as in a backfill.
     * Stream time must come from the events' {@code at} (EventTimeExtractor); were it taken from these timestamps,
     * the stream-time punctuation would move every engine's clock to this day at the first record.
     */
    static final Instant PUBLISHED = Instant.parse("2026-06-01T00:00:00Z");

    /** Pipes events as EventPublisher writes them: key = customer id (event id for broadcasts), stamped PUBLISHED. */
    void pipe(List<Event> list) {
        for (Event e : list) {
            events.pipeInput(EventPublisher.isBroadcast(e) ? e.id() : e.subjectId(), Json.write(e), PUBLISHED);
        }
    }

    /** @return the actions written since the last call, as JSON */
    List<String> actionsJson() {
        return actions.readValuesToList();
    }

    /** Applies changelog records to this task's (empty) store, as a restore from the changelog does. */
    void restore(List<KeyValue<String, byte[]>> changelogRecords, String storeName) {
        KeyValueStore<String, byte[]> kv = driver.getKeyValueStore(storeName);
        for (KeyValue<String, byte[]> r : changelogRecords) {
            if (r.value == null) {
                kv.delete(r.key);
            } else {
                kv.put(r.key, r.value);
            }
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
