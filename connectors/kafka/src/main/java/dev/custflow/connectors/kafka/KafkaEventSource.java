package dev.custflow.connectors.kafka;

import dev.custflow.ConnectorException;
import dev.custflow.spi.EventSource;
import dev.custflow.spi.SourceRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Events from a Kafka topic, for an {@link dev.custflow.EventPump}: a consumer in a group, reading only committed
 * records ({@code isolation.level=read_committed}), that commits its offsets only when the pump
 * {@linkplain #acknowledge() acknowledges}, that is after the engine committed and delivered what was polled. Records
 * polled and not acknowledged come again to the next reader; the engine drops the events it already applied by id.
 *
 * <pre>{@code
 * EventSource source = KafkaEventSource.of(Map.of("bootstrap.servers", "kafka:9092", "group.id", "custflow"),
 *         "custflow.events");
 * try (EventPump pump = new EventPump(engine, source)) {
 *     pump.run(Duration.ofMillis(500));
 * }
 * }</pre>
 *
 * <p>One engine reads the whole topic here (a consumer group of one). To spread customers over machines, use the
 * Kafka Streams processor ({@code dev.custflow.connectors.kafka.streams.CustflowTopology}) instead: an engine per
 * partition needs the events of customers without a customer id (reps, campaigns, ticks) on every partition, and its
 * state to move with the partition.
 */
public final class KafkaEventSource implements EventSource {
    private final Consumer<String, String> consumer;
    private final String topic;
    private final Map<TopicPartition, OffsetAndMetadata> polled = new HashMap<>();

    KafkaEventSource(Consumer<String, String> consumer, String topic) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // called inside poll(), after the pump acknowledged the previous poll: nothing of these is pending
                partitions.forEach(polled::remove);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        });
    }

    /**
     * Opens a consumer on the topic. The configuration needs {@code bootstrap.servers} and {@code group.id}; this
     * source sets the String deserializers, {@code enable.auto.commit=false} and
     * {@code isolation.level=read_committed} over whatever is given.
     *
     * @param consumerConfig the consumer's configuration
     * @param topic          the events topic
     * @return the source; close it (or the pump) to leave the group
     * @throws IllegalArgumentException if {@code group.id} is missing
     */
    public static KafkaEventSource of(Map<String, Object> consumerConfig, String topic) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        if (config.get(ConsumerConfig.GROUP_ID_CONFIG) == null) {
            throw new IllegalArgumentException("The consumer configuration has no group.id.\n"
                    + "Give one (e.g. \"custflow\"): the offsets of the events topic are committed for that group.");
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaEventSource(new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer()),
                topic);
    }

    /**
     * @param timeout how long to wait when nothing is there
     * @return the polled records, each with the origin {@code "topic T-p, offset o"}; a record with no value (a
     *         tombstone) is passed on as empty text, which the pump reports as not a valid event
     * @throws ConnectorException if the consumer fails
     */
    @Override
    public List<SourceRecord> poll(Duration timeout) {
        List<SourceRecord> out = new ArrayList<>();
        try {
            for (ConsumerRecord<String, String> r : consumer.poll(timeout)) {
                out.add(new SourceRecord(origin(r.topic(), r.partition(), r.offset()),
                        r.value() == null ? "" : r.value()));
                polled.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            }
        } catch (KafkaException e) {
            throw new ConnectorException("kafka:" + topic, "polling failed", e);
        }
        return out;
    }

    /**
     * Commits the offsets past every record polled so far, synchronously.
     *
     * @throws ConnectorException if the commit fails (for example the partitions moved to another member: the
     *                            records then come again to it)
     */
    @Override
    public void acknowledge() {
        if (polled.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(Map.copyOf(polled));
            polled.clear();
        } catch (KafkaException e) {
            throw new ConnectorException("kafka:" + topic, "committing the offsets " + polled + " failed", e);
        }
    }

    /** Leaves the group; what was not acknowledged comes again to the next reader. */
    @Override
    public void close() {
        consumer.close();
    }

    static String origin(String topic, int partition, long offset) {
        return "topic " + topic + "-" + partition + ", offset " + offset;
    }

    @Override
    public String toString() {
        return "Kafka event source (" + topic + ")";
    }
}
