package dev.custflow.connectors.kafka;

import dev.custflow.ConnectorException;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.spi.ActionSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Actions to a Kafka topic: each action one record, keyed by its customer id (so that one customer's actions stay in
 * order on one partition), its value the action's JSON ({@link Json#write(Action)}), its id in the header
 * {@value #ACTION_ID_HEADER} so that a receiver drops repeats without parsing. The producer is idempotent with
 * {@code acks=all}, and {@link #deliver} returns only when the broker acknowledged every record: an engine hands
 * actions to its sink after committing its store, so a failure here means the actions are decided again (with the
 * same ids) by the next engine on the store, never lost.
 *
 * <pre>{@code
 * ActionSink sink = KafkaActionSink.of(Map.of("bootstrap.servers", "kafka:9092"), "custflow.actions");
 * Engine engine = Custflow.builder().store(store).actionSink(sink).build();
 * }</pre>
 */
public final class KafkaActionSink implements ActionSink, AutoCloseable {
    /** The record header that carries the action's stable id (UTF-8). */
    public static final String ACTION_ID_HEADER = "custflow.action-id";

    private final Producer<String, String> producer;
    private final String topic;

    KafkaActionSink(Producer<String, String> producer, String topic) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * Opens an idempotent producer to the topic. The configuration needs {@code bootstrap.servers}; this sink sets
     * the String serializers, {@code enable.idempotence=true} and {@code acks=all} over whatever is given.
     *
     * @param producerConfig the producer's configuration
     * @param topic          the actions topic
     * @return the sink; close it when the engine is closed
     */
    public static KafkaActionSink of(Map<String, Object> producerConfig, String topic) {
        return new KafkaActionSink(Producers.idempotent(producerConfig), topic);
    }

    /**
     * Sends every action and waits until the broker acknowledged them all.
     *
     * @param actions the actions of one engine call
     * @throws ConnectorException naming the topic if any record was not acknowledged
     */
    @Override
    public void deliver(List<Action> actions) {
        List<ProducerRecord<String, String>> records = new ArrayList<>(actions.size());
        for (Action a : actions) {
            records.add(record(topic, a));
        }
        Producers.sendAll(producer, topic, records, actions.size() + " actions");
    }

    /**
     * The record of one action, as this sink and the Kafka Streams processor write it.
     *
     * @param topic  the actions topic
     * @param action the action
     * @return key = customer id (the action id when there is none), value = JSON, header = action id
     */
    static ProducerRecord<String, String> record(String topic, Action action) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ACTION_ID_HEADER, action.id().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, null, keyOf(action), Json.write(action), headers);
    }

    /**
     * @param action an action
     * @return its customer id, or its own id for an action about no customer (a rep's digest)
     */
    public static String keyOf(Action action) {
        return action.customerId() != null ? action.customerId() : action.id();
    }

    /** Closes the producer after sending what is buffered. */
    @Override
    public void close() {
        producer.close();
    }

    @Override
    public String toString() {
        return "Kafka action sink (" + topic + ")";
    }
}
