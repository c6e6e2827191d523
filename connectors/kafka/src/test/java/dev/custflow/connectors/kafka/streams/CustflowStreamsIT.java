package dev.custflow.connectors.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Json;
import dev.custflow.connectors.kafka.EventPublisher;
import dev.custflow.connectors.kafka.InJvmKafka;
import dev.custflow.connectors.kafka.StreamData;
import dev.custflow.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The topology on a real broker in this JVM: a four-partition events topic, exactly_once_v2, two instances; one is
 * stopped mid-stream and a new one, with an empty state directory, takes its tasks over from the changelog.
 */
class CustflowStreamsIT {
    private static final String APP = "custflow-it";
    @AutoClose // after the tests, also when one failed
    private static InJvmKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = InJvmKafka.start();
    }

    @Test
    void twoInstances_oneReplacedMidStream_actionsEqualOneEngine_nothingLostNothingTwice() throws Exception {
        kafka.createTopic("custflow.events", 4);
        kafka.createTopic("custflow.actions", 4);
        kafka.createTopic("custflow.events.dead-letter", 1);
        List<Event> events = StreamData.stream(24, 60, 5);
        List<String> expected = StreamData.singleEngine(events);
        CustflowTopology topology = CustflowTopology.builder()
                .settings(StreamData.SETTINGS)
                .wallClockInterval(Duration.ZERO) // reproducible: time comes from the events and the broadcast ticks
                .build();

        KafkaStreams a = start(topology, "a");
        KafkaStreams b = start(topology, "b");
        try (InJvmKafka.Reader actions = kafka.reader("custflow.actions")) {
            InJvmKafka.await("both instances running", Duration.ofSeconds(60),
                    () -> a.state() == KafkaStreams.State.RUNNING && b.state() == KafkaStreams.State.RUNNING);
            try (EventPublisher publisher = EventPublisher.of(kafka.clientConfig(), "custflow.events")) {
                publisher.publishAll(events);
            }
            // mid-stream: instance a goes away (leaving the group at once, as a rolling restart does)
            actions.readAtLeast(expected.size() / 3, Duration.ofSeconds(60));
            a.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
            int before = actions.readAtLeast(0, Duration.ZERO).size();
            KafkaStreams c = start(topology, "c"); // a new machine: empty state directory, restores from the changelog
            try {
                List<String> got = actions.readAtLeast(expected.size(), Duration.ofSeconds(90));
                got = actions.settle(Duration.ofSeconds(2));
                assertThat(before).as("a stopped mid-stream").isLessThan(expected.size());
                Set<String> ids = new HashSet<>();
                assertThat(got).allSatisfy(json -> assertThat(ids.add(Json.readAction(json).id()))
                        .as("delivered once: " + json).isTrue());
                assertThat(got).hasSameSizeAs(expected);
                assertThat(StreamData.byCustomer(got)).isEqualTo(StreamData.byCustomer(expected));
            } finally {
                c.close(Duration.ofSeconds(30));
            }
        } finally {
            a.close(Duration.ofSeconds(30));
            b.close(Duration.ofSeconds(30));
        }
        try (InJvmKafka.Reader dead = kafka.reader("custflow.events.dead-letter")) {
            assertThat(dead.settle(Duration.ofMillis(500))).isEmpty();
        }
    }

    private static KafkaStreams start(CustflowTopology topology, String instance) throws Exception {
        Path stateDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "kafka-it")),
                "state-" + instance);
        Properties p = CustflowTopology.recommendedConfig(APP, kafka.bootstrap(), stateDir);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0); // the new instance restores from the changelog itself
        p.put(StreamsConfig.consumerPrefix("group.instance.id"), APP + "-" + instance); // static membership
        p.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        KafkaStreams streams = new KafkaStreams(topology.topology(), p);
        streams.start();
        return streams;
    }
}
