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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
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

    /**
     * A task fails in the middle of a transaction that already holds batches (their changelog records and their
     * actions), before the commit: under exactly_once_v2 the transaction is aborted, a new thread restores the task
     * from the changelog and takes the records again from the last committed offsets, and the actions read with
     * read_committed are one engine's, each once. The actions of the aborted batches are in the log (a
     * read_uncommitted reader sees them): the failure did come after batches had been written.
     */
    @Test
    void aTaskFailingBetweenBatchAndCommit_replaysToTheSameActions_eachOnce() throws Exception {
        kafka.createTopic("crash.events", 1);
        kafka.createTopic("crash.actions", 1);
        kafka.createTopic("crash.dead-letter", 1);
        List<Event> events = StreamData.stream(12, 60, 9);
        List<String> expected = StreamData.singleEngine(events);
        try (EventPublisher publisher = EventPublisher.of(kafka.clientConfig(), "crash.events")) {
            publisher.publishAll(events);
        }
        // the engine's own sink sees every batch's actions just before the task forwards them; it fails once, at
        // the third batch with actions, the first two being in the open transaction
        AtomicInteger batches = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        CustflowTopology topology = CustflowTopology.builder()
                .engine(b -> b.settings(StreamData.SETTINGS).actionSink(actions -> {
                    if (batches.incrementAndGet() == 3 && failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("the task fails before its commit");
                    }
                }))
                .eventsTopic("crash.events").actionsTopic("crash.actions").deadLetterTopic("crash.dead-letter")
                .wallClockInterval(Duration.ZERO).maxBatchSize(20).build();

        Properties rare = config("crash", "first");
        rare.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 600_000); // no commit but at close: the failure is mid-transaction
        rare.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), 600_000);
        KafkaStreams first = new KafkaStreams(topology.topology(), rare);
        first.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.REPLACE_THREAD);
        first.start();
        try {
            // the new thread took the task again and ran past the failed batch
            InJvmKafka.await("the batches after the failure", Duration.ofSeconds(90), () -> batches.get() >= 6);
        } finally {
            first.close(Duration.ofSeconds(30)); // a clean close: the pending batch runs, then the task commits
        }
        assertThat(failed).isTrue();

        KafkaStreams second = new KafkaStreams(topology.topology(), config("crash", "second"));
        second.start();
        try (InJvmKafka.Reader actions = kafka.reader("crash.actions");
             InJvmKafka.Reader everything = kafka.uncommittedReader("crash.actions")) {
            actions.readAtLeast(expected.size(), Duration.ofSeconds(90));
            List<String> got = actions.settle(Duration.ofSeconds(2));
            assertThat(got).isEqualTo(expected); // one partition: one engine's actions in its order, each once
            assertThat(everything.readAtLeast(expected.size() + 1, Duration.ofSeconds(30)).size())
                    .as("the aborted transaction's actions are in the log").isGreaterThan(expected.size());
        } finally {
            second.close(Duration.ofSeconds(30));
        }
        try (InJvmKafka.Reader dead = kafka.reader("crash.dead-letter")) {
            assertThat(dead.settle(Duration.ofMillis(500))).isEmpty();
        }
    }

    private static Properties config(String app, String instance) throws Exception {
        Path stateDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "kafka-it")),
                "state-" + app + "-" + instance);
        Properties p = CustflowTopology.recommendedConfig(app, kafka.bootstrap(), stateDir);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        return p;
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
