package dev.custflow.connectors.kafka;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.awaitility.Awaitility;

/**
 * One KRaft broker (combined with its controller) inside the test JVM, with the settings measured to work for
 * transactions on a single broker (docs/design/connectors-notes.md, "Kafka"): replication factor and min ISR 1 for the offsets and
 * transaction topics, the latest production metadata version, no initial rebalance delay. Its logs are under
 * target/. {@link #forked()} runs the same broker in a JVM of its own, for measurements that must tell the broker's
 * CPU from the clients'.
 */
public final class InJvmKafka implements AutoCloseable {
    /** The broker in this JVM, or null when it runs in {@link #process}. */
    private final KafkaClusterTestKit cluster;
    private final Process process;
    private final String bootstrap;

    private InJvmKafka(KafkaClusterTestKit cluster, Process process, String bootstrap) {
        this.cluster = cluster;
        this.process = process;
        this.bootstrap = bootstrap;
    }

    /** @return a started broker */
    public static InJvmKafka start() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "kafka-it"));
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                .setBaseDirectory(Files.createTempDirectory(base, "broker"))
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "4")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "4")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                // retention is enforced at once and every second instead of 30 s after start and every 5 minutes:
                // a record that a deployment's retention would delete is deleted during the test, not after it
                .setConfigProp("log.initial.task.delay.ms", "0")
                .setConfigProp("log.retention.check.interval.ms", "1000")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new InJvmKafka(cluster, null, cluster.bootstrapServers());
    }

    /**
     * The same broker in a JVM of its own (this JVM's Java and class path, heap {@code brokerHeap}), so that this
     * process's CPU is the clients' and {@link #brokerCpu()} is the broker's. It stops when closed, or when this JVM
     * ends (its standard input closes).
     *
     * @param brokerHeap the broker JVM's {@code -Xmx}, e.g. {@code 1g}
     * @return a started broker
     */
    public static InJvmKafka forked(String brokerHeap) throws Exception {
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + brokerHeap, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", System.getProperty("java.class.path"),
                InJvmKafka.class.getName());
        b.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = b.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine(); // before it, what the broker prints as it formats its log directory
        } while (line != null && !line.startsWith(BOOTSTRAP_LINE));
        if (line == null) {
            p.destroyForcibly();
            throw new IllegalStateException("the broker's JVM ended before it was ready: exit " + p.waitFor());
        }
        return new InJvmKafka(null, p, line.substring(BOOTSTRAP_LINE.length()));
    }

    private static final String BOOTSTRAP_LINE = "broker ready at ";

    /**
     * The broker's JVM of {@link #forked}: starts the broker, prints where it listens, runs until its standard
     * input closes.
     *
     * @param args none
     */
    public static void main(String[] args) throws Exception {
        try (InJvmKafka kafka = start()) {
            System.out.println(BOOTSTRAP_LINE + kafka.bootstrap());
            System.out.flush();
            while (System.in.read() >= 0) {
                // the parent never writes: this waits for it to close the stream or to end
            }
        }
    }

    /** @return the CPU time the broker's own JVM used so far, if it runs in one and the system tells */
    public Optional<Duration> brokerCpu() {
        return process == null ? Optional.empty() : process.toHandle().info().totalCpuDuration();
    }

    /** @return the bootstrap servers */
    public String bootstrap() {
        return bootstrap;
    }

    /** @return a configuration with just the bootstrap servers, for clients */
    public Map<String, Object> clientConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrap());
        return c;
    }

    /**
     * Creates a topic with replication factor 1 and a retention of one hour: shorter than Kafka's default week, and
     * as short as the tests' events are old (2025) whatever it is, so a record stamped with its event's time would
     * be deleted before it is read.
     */
    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(clientConfig())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                    .configs(Map.of("retention.ms", String.valueOf(Duration.ofHours(1).toMillis()))))).all().get();
        }
    }

    /**
     * @param topic a topic
     * @return a reader of the whole topic that sees only what committed transactions wrote ({@code read_committed})
     */
    public Reader reader(String topic) {
        return new Reader(topic, "read_committed");
    }

    /**
     * @param topic a topic
     * @return a reader of the whole topic that also sees what aborted and open transactions wrote
     *         ({@code read_uncommitted})
     */
    public Reader uncommittedReader(String topic) {
        return new Reader(topic, "read_uncommitted");
    }

    /** Reads a topic from its beginning, keeping everything read. */
    public final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<String> values = new ArrayList<>();

        private Reader(String topic, String isolation) {
            Map<String, Object> c = clientConfig();
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
            consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
        }

        /**
         * Polls until at least {@code count} values were read in all, or the timeout passes.
         *
         * @return every value read so far
         */
        public List<String> readAtLeast(int count, Duration timeout) {
            long end = System.nanoTime() + timeout.toNanos();
            while (values.size() < count && System.nanoTime() < end) {
                poll(Duration.ofMillis(200));
            }
            return List.copyOf(values);
        }

        /** Polls for a while longer (to see that nothing more comes). @return every value read so far */
        public List<String> settle(Duration forAsLong) {
            long end = System.nanoTime() + forAsLong.toNanos();
            while (System.nanoTime() < end) {
                poll(Duration.ofMillis(200));
            }
            return List.copyOf(values);
        }

        private void poll(Duration d) {
            for (ConsumerRecord<String, String> r : consumer.poll(d)) {
                values.add(r.value());
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /**
     * Waits until the condition holds, or fails after the timeout: it reads a broker's or another thread's progress,
     * so it polls (in this thread), with a deadline.
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
            return;
        }
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
