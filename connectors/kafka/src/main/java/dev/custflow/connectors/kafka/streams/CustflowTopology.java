package dev.custflow.connectors.kafka.streams;

import dev.custflow.EngineBuilder;
import dev.custflow.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The scale-out deployment (docs/design/architecture.md, "Connectors and scale-out"): a Kafka Streams topology that runs <b>one engine per
 * stream task</b>, that is per partition of the events topic, each with its customers and its own engine state in a
 * changelogged key-value store, so that a task moved to another instance restores from the changelog and goes on.
 *
 * <pre>{@code
 * Topology topology = CustflowTopology.builder()
 *         .eventsTopic("custflow.events")          // key: customer id, value: event JSON (EventPublisher)
 *         .actionsTopic("custflow.actions")        // key: customer id, value: action JSON, header: action id
 *         .engine(b -> b.settings(settings))       // what every task's engine is built with
 *         .build().topology();
 * KafkaStreams streams = new KafkaStreams(topology,
 *         CustflowTopology.recommendedConfig("custflow", "kafka:9092", Path.of("/var/lib/custflow")));
 * streams.start();
 * }</pre>
 *
 * <p>In batches: each record's value is read as an event and held; the records a task takes between two of its
 * commits (at most {@link Builder#maxBatchSize} at a time) go to its engine together, in one {@code acceptAll} and
 * one commit into the store, just before Kafka Streams commits the task's transaction (docs/kafka.md, "Batches").
 * The actions go to the actions topic; a record that is not a valid event, or that the engine rejects, goes to the
 * dead-letter topic with its topic, partition and offset in the header {@value #ORIGIN_HEADER} and the reason in
 * {@value #PROBLEM_HEADER}, and the other records of its batch go on.
 *
 * <p>Time: every engine runs on event time (forced: the same records give the same actions). Kafka Streams' stream
 * time is read from the events too (each record's time is its event's {@code at}, not the record's timestamp, so
 * that the topics' retention counts from when records were written: see {@link EventTimeExtractor}); the actions
 * are stamped with the wall time they are written at. Two punctuations move a task's clock besides its events: a
 * stream-time one (it moves the clock to the task's stream time when records the engine did not apply were later
 * than those it did) and a wall-clock one: when a task got no record for a whole interval of wall time, its clock
 * moves on from where its last event left it by the wall time that passed since, so that inactivity rules (no order
 * for 90 days) fire on a partition that gets no events, where stream time stands still. The wall-clock one makes
 * the actions depend on when records arrive; switch it off ({@link Builder#wallClockInterval} zero) and broadcast
 * {@code ClockTick}s instead for fully reproducible runs. See docs/kafka.md, "Time".
 *
 * <p>What each task's engine cannot see is the other tasks' customers: base-wide behaviours (RFM quintiles, the
 * weekly at-risk digest, lead de-duplication across ids, rep load and round robin) are per partition here. See
 * docs/kafka.md, "Per partition and global".
 */
public final class CustflowTopology {
    /** The dead-letter record header naming where the bad record came from: {@code topic T-p, offset o}. */
    public static final String ORIGIN_HEADER = "custflow.origin";
    /** The dead-letter record header saying what is wrong with the record. */
    public static final String PROBLEM_HEADER = "custflow.problem";

    static final String SOURCE = "custflow-events";
    static final String PROCESSOR = "custflow-engine";
    static final String ACTIONS_SINK = "custflow-actions";
    static final String DEAD_LETTER_SINK = "custflow-dead-letter";
    static final String REP_LOAD_SINK = "custflow-rep-load-out";
    static final String REP_LOAD_SOURCE = "custflow-rep-load-in";
    static final String REP_LOAD_UPDATER = "custflow-rep-load-updater";

    private final String eventsTopic;
    private final String actionsTopic;
    private final String deadLetterTopic;
    private final String storeName;
    private final Consumer<EngineBuilder> engineCustomizer;
    private final Duration streamTimeInterval;
    private final Duration wallClockInterval;
    private final boolean persistentStore;
    private final String repLoadTopic;
    private final int maxBatchSize;
    /** Moves whenever the global rep-load store changes (RepLoadBoard.version), for the engines of this topology. */
    private final java.util.concurrent.atomic.AtomicLong repLoadVersion = new java.util.concurrent.atomic.AtomicLong();

    private CustflowTopology(Builder b) {
        this.eventsTopic = b.eventsTopic;
        this.actionsTopic = b.actionsTopic;
        this.deadLetterTopic = b.deadLetterTopic;
        this.storeName = b.storeName;
        this.engineCustomizer = b.engineCustomizer;
        this.streamTimeInterval = b.streamTimeInterval;
        this.wallClockInterval = b.wallClockInterval;
        this.persistentStore = b.persistentStore;
        this.repLoadTopic = b.repLoadTopic;
        this.maxBatchSize = b.maxBatchSize;
    }

    /** @return a builder with the defaults: topics {@code custflow.events}, {@code custflow.actions}, {@code
     *          custflow.events.dead-letter}, store {@code custflow-engine}, both punctuations every minute */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The topology: events source → engine processor (with its store) → actions sink and dead-letter sink.
     *
     * @return a new topology for {@code new KafkaStreams(topology, config)} or a {@code TopologyTestDriver}
     */
    public Topology topology() {
        KeyValueBytesStoreSupplier supplier = persistentStore ? Stores.persistentKeyValueStore(storeName)
                : Stores.inMemoryKeyValueStore(storeName);
        StoreBuilder<KeyValueStore<String, byte[]>> store =
                Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray()).withLoggingEnabled(
                        java.util.Map.of("cleanup.policy", "compact"));
        Topology t = new Topology();
        // stream time from the events' at, not the records' timestamps; a new application starts at the beginning
        t.addSource(AutoOffsetReset.earliest(), SOURCE, new EventTimeExtractor(), new StringDeserializer(),
                new StringDeserializer(), eventsTopic);
        t.addProcessor(PROCESSOR, () -> new EngineProcessor(this), SOURCE);
        t.addStateStore(store, PROCESSOR);
        t.addStateStore(new CommitHook.Builder(commitHookName()), PROCESSOR);
        t.addSink(ACTIONS_SINK, actionsTopic, new StringSerializer(), new StringSerializer(), PROCESSOR);
        t.addSink(DEAD_LETTER_SINK, deadLetterTopic, new StringSerializer(), new StringSerializer(), PROCESSOR);
        if (repLoadTopic != null) {
            // every task writes its own counts; every instance reads all of them into a global store (not logged:
            // the compacted topic is its changelog)
            t.addSink(REP_LOAD_SINK, repLoadTopic, new StringSerializer(), new StringSerializer(), PROCESSOR);
            t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(repLoadStoreName()),
                            Serdes.String(), Serdes.String()).withLoggingDisabled(),
                    REP_LOAD_SOURCE, new StringDeserializer(), new StringDeserializer(), repLoadTopic,
                    REP_LOAD_UPDATER, () -> new RepLoadExchange.GlobalUpdater(repLoadStoreName(), repLoadVersion));
        }
        return t;
    }

    /**
     * The Kafka Streams configuration this connector is tested with: {@code exactly_once_v2} (an engine's state in
     * the changelog, its actions and its input offsets commit together; at-least-once would apply some events twice
     * to the state after a crash), one standby replica per task (a moved task starts from a warm copy), the state
     * directory given, String serdes. Add to it what the cluster needs (security, replication factor 3).
     *
     * @param applicationId the application id (consumer group, prefix of the internal topics)
     * @param bootstrapServers the brokers
     * @param stateDir where the tasks' local stores live (keep it on a persistent disk)
     * @return a new, modifiable configuration
     */
    public static Properties recommendedConfig(String applicationId, String bootstrapServers, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, Objects.requireNonNull(applicationId, "applicationId"));
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        // the rep-load global store's processor fails like the tasks' processors do (Kafka 5's default). By name:
        // Kafka 4.3 deprecates the constant, to go when true becomes the default
        p.put("processing.exception.handler.global.enabled", "true");
        return p;
    }

    String eventsTopic() {
        return eventsTopic;
    }

    String actionsTopic() {
        return actionsTopic;
    }

    String deadLetterTopic() {
        return deadLetterTopic;
    }

    String storeName() {
        return storeName;
    }

    Consumer<EngineBuilder> engineCustomizer() {
        return engineCustomizer;
    }

    Duration streamTimeInterval() {
        return streamTimeInterval;
    }

    Duration wallClockInterval() {
        return wallClockInterval;
    }

    String repLoadTopic() {
        return repLoadTopic;
    }

    String commitHookName() {
        return storeName + "-commit-hook";
    }

    int maxBatchSize() {
        return maxBatchSize;
    }

    String repLoadStoreName() {
        return storeName + "-rep-load";
    }

    java.util.concurrent.atomic.AtomicLong repLoadVersion() {
        return repLoadVersion;
    }

    /** Builds a {@link CustflowTopology}; each setter checks its value at once. */
    public static final class Builder {
        /** The largest batch a task gives its engine by default. */
        public static final int DEFAULT_MAX_BATCH_SIZE = 1_000;

        private String eventsTopic = "custflow.events";
        private String actionsTopic = "custflow.actions";
        private String deadLetterTopic = "custflow.events.dead-letter";
        private String storeName = "custflow-engine";
        private Consumer<EngineBuilder> engineCustomizer = b -> { };
        private Duration streamTimeInterval = Duration.ofMinutes(1);
        private Duration wallClockInterval = Duration.ofMinutes(1);
        private boolean persistentStore = true;
        private String repLoadTopic;
        private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;

        private Builder() {
        }

        /**
         * @param topic the events topic: key = customer id, value = event JSON (publish with EventPublisher)
         * @return this
         */
        public Builder eventsTopic(String topic) {
            this.eventsTopic = name(topic, "eventsTopic");
            return this;
        }

        /**
         * @param topic where actions go: key = customer id, value = action JSON, header {@code custflow.action-id}
         * @return this
         */
        public Builder actionsTopic(String topic) {
            this.actionsTopic = name(topic, "actionsTopic");
            return this;
        }

        /**
         * @param topic where records that are not valid events, or that the engine rejects, go
         * @return this
         */
        public Builder deadLetterTopic(String topic) {
            this.deadLetterTopic = name(topic, "deadLetterTopic");
            return this;
        }

        /**
         * @param name the state store's name (its changelog topic is {@code <application id>-<name>-changelog})
         * @return this
         */
        public Builder storeName(String name) {
            this.storeName = name(name, "storeName");
            return this;
        }

        /**
         * What every task's engine is built with: settings, rule packs, user rules, audit log. The processor then
         * sets {@code partitions(1)}, {@code eventTime()} and its store, over whatever the customizer set; an
         * {@code actionSink} set here also gets the actions (they go to the actions topic in any case).
         *
         * @param customizer applied to a fresh {@code Custflow.builder()} in every task
         * @return this
         */
        public Builder engine(Consumer<EngineBuilder> customizer) {
            this.engineCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * Shorthand for {@code engine(b -> b.settings(settings))}.
         *
         * @param settings the settings of every task's engine
         * @return this
         */
        public Builder settings(Settings settings) {
            Objects.requireNonNull(settings, "settings");
            return engine(b -> b.settings(settings));
        }

        /**
         * @param interval how often (in stream time) a task's clock is moved to its stream time (default 1 minute)
         * @return this
         * @throws IllegalArgumentException if not positive
         */
        public Builder streamTimeInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("The stream-time interval must be positive, not " + interval);
            }
            this.streamTimeInterval = interval;
            return this;
        }

        /**
         * @param interval how often (in wall time) an idle task's clock moves on (default 1 minute; zero switches
         *                 the wall-clock punctuation off, for runs that must be reproducible)
         * @return this
         * @throws IllegalArgumentException if negative
         */
        public Builder wallClockInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("The wall-clock interval must not be negative: " + interval
                        + "\nGive Duration.ZERO to switch the wall-clock punctuation off.");
            }
            this.wallClockInterval = interval;
            return this;
        }

        /**
         * @param persistent true (the default) for RocksDB stores on disk, which restart from the local copy; false
         *                   for in-memory stores, which restore the whole changelog at every start
         * @return this
         */
        public Builder persistentStore(boolean persistent) {
            this.persistentStore = persistent;
            return this;
        }

        /**
         * Shares rep load across the tasks (lead assignment counts a rep's open leads in every task, not only in the
         * task of the lead): each task publishes its counts to this topic, and every instance reads them all into a
         * global store ({@link dev.custflow.spi.RepLoadBoard}). Create the topic compacted, with one partition.
         * Without it (the default) each task assigns as if it held every lead.
         *
         * @param topic the rep-load topic, e.g. {@code custflow.rep-load}
         * @return this
         */
        public Builder repLoadTopic(String topic) {
            this.repLoadTopic = name(topic, "repLoadTopic");
            return this;
        }

        /**
         * The most records a task gives its engine in one call (default {@value #DEFAULT_MAX_BATCH_SIZE}). A task
         * gives its engine what it took since its last commit (every {@code commit.interval.ms}, 100 ms under
         * exactly-once), or this many if that comes first: the bound on what a task holds in memory between commits.
         * 1 gives every record its own engine call and store commit.
         *
         * @param records at least 1
         * @return this
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxBatchSize(int records) {
            if (records < 1) {
                throw new IllegalArgumentException("The largest batch must be at least 1 record, not " + records);
            }
            this.maxBatchSize = records;
            return this;
        }

        /** @return the configuration; call {@link CustflowTopology#topology()} for the topology */
        public CustflowTopology build() {
            return new CustflowTopology(this);
        }

        private static String name(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " is blank");
            }
            return value;
        }
    }
}
