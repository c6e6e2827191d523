package dev.custflow.connectors.kafka;

import dev.custflow.ConnectorException;
import dev.custflow.Json;
import dev.custflow.event.CampaignLaunched;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.RepUpdated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;

/**
 * How a host puts events on the events topic so that an engine per partition sees what it needs:
 * <ul>
 *   <li>an event about a customer is keyed by the customer's id, so all of a customer's events go, in order, to one
 *       partition (and one engine);</li>
 *   <li>an event about no customer ({@link RepUpdated}, {@link CampaignLaunched}, {@link ClockTick}: the events the
 *       engine itself sends to all its partitions) is <b>broadcast</b>: written once to every partition of the topic,
 *       with the same id, so that every partition's engine sees it once.</li>
 * </ul>
 * Records are stamped with the time they are published (the producer's default), not with their events' {@code at}:
 * the topic's time-based retention counts from the record timestamps, so events stamped with their own time and
 * older than the retention (a backfill of last year's orders) would be deleted at the broker's next retention check,
 * before they are read. The engines take the time from the JSON ({@code CustflowTopology} reads stream time from it).
 * The producer is idempotent with {@code acks=all}; the publishing methods return once the broker took every record.
 *
 * <pre>{@code
 * try (EventPublisher publisher = EventPublisher.of(Map.of("bootstrap.servers", "kafka:9092"), "custflow.events")) {
 *     publisher.publish(new OrderPlaced(...));          // to the customer's partition
 *     publisher.publish(new ClockTick("tick-1", now));  // to every partition
 * }
 * }</pre>
 *
 * <p>A follow-up without a customer id ({@code OrderStatusChanged}, {@code PaymentReceived}, {@code TicketResolved}
 * naming only the order or ticket) cannot be routed: the index from orders to customers lives in the engine of the
 * partition, which the publisher does not know. Such an event is refused; send the customer id with it.
 */
public final class EventPublisher implements AutoCloseable {
    private final Producer<String, String> producer;
    private final String topic;

    EventPublisher(Producer<String, String> producer, String topic) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * Opens an idempotent producer to the events topic. The configuration needs {@code bootstrap.servers}; the
     * String serializers, {@code enable.idempotence=true} and {@code acks=all} are set over whatever is given.
     *
     * @param producerConfig the producer's configuration
     * @param topic          the events topic
     * @return the publisher; close it when done
     */
    public static EventPublisher of(Map<String, Object> producerConfig, String topic) {
        return new EventPublisher(Producers.idempotent(producerConfig), topic);
    }

    /**
     * @param event an event
     * @return true for the events about no customer, which go to every partition
     */
    public static boolean isBroadcast(Event event) {
        return event instanceof RepUpdated || event instanceof CampaignLaunched || event instanceof ClockTick;
    }

    /**
     * Publishes one event and waits for the broker.
     *
     * @param event the event
     * @throws IllegalArgumentException if the event names no customer and is not one to broadcast
     * @throws ConnectorException       if the broker does not take it
     */
    public void publish(Event event) {
        publishAll(List.of(event));
    }

    /**
     * Publishes events in order and waits until the broker took them all.
     *
     * @param events the events, in the order the engines must see them
     * @throws IllegalArgumentException if an event names no customer and is not one to broadcast (nothing is sent)
     * @throws ConnectorException       if the broker does not take them (some may have been written: publish them
     *                                  again, the engines drop repeats by id)
     */
    public void publishAll(List<? extends Event> events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        int partitions = -1;
        for (Event e : events) {
            String value = Json.write(e);
            if (isBroadcast(e)) {
                if (partitions < 0) {
                    partitions = partitionCount();
                }
                for (int p = 0; p < partitions; p++) {
                    records.add(new ProducerRecord<>(topic, p, e.id(), value));
                }
            } else if (e.subjectId() == null) {
                throw new IllegalArgumentException("The event " + e.id() + " (" + e.type() + ") names no customer, "
                        + "so it cannot be sent to the partition of its customer.\n"
                        + "Send the customerId with it: the order and ticket owners are known only to the engine of "
                        + "each partition.");
            } else {
                records.add(new ProducerRecord<>(topic, e.subjectId(), value));
            }
        }
        send(records);
    }

    /**
     * Publishes one event in its JSON form (docs/events.md), read and checked first.
     *
     * @param json the event
     * @throws dev.custflow.EventRejectedException if it is not a valid event
     */
    public void publishJson(String json) {
        publish(Json.readEvent(json));
    }

    private int partitionCount() {
        try {
            List<PartitionInfo> info = producer.partitionsFor(topic);
            return info.size();
        } catch (KafkaException e) {
            throw new ConnectorException("kafka:" + topic, "cannot read the partitions of the topic", e);
        }
    }

    private void send(List<ProducerRecord<String, String>> records) {
        Producers.sendAll(producer, topic, records, records.size() + " records");
    }

    /** Closes the producer. */
    @Override
    public void close() {
        producer.close();
    }
}
