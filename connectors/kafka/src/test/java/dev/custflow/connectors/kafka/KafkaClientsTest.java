package dev.custflow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.ConnectorException;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.event.ClockTick;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.model.OrderStatus;
import dev.custflow.spi.SourceRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The plain-client connectors against Kafka's mock consumer and producer. */
class KafkaClientsTest {
    private static final Instant T = Instant.parse("2025-03-01T02:00:00Z");
    private static final OrderPlaced ORDER = OrderPlaced.of("e1", T, "o1", "c1", BigDecimal.TEN);

    /** A tag for customer c1, with id a1. */
    private static final Action TAG_VIP = Json.readAction("{\"type\":\"TAG_ADDED\",\"id\":\"a1\","
            + "\"at\":\"2025-03-01T02:00:00Z\",\"rule\":\"r\",\"reason\":\"why\",\"customerId\":\"c1\","
            + "\"tag\":\"vip\"}");

    /** @return a producer in memory that completes every send at once, or only when the test says */
    private static MockProducer<String, String> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new StringSerializer());
    }

    @Test
    void eventSource_pollsWithOrigins_andCommitsOnlyOnAcknowledge() {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        TopicPartition tp = new TopicPartition("custflow.events", 2);
        try (KafkaEventSource source = new KafkaEventSource(consumer, "custflow.events")) {
            consumer.rebalance(List.of(tp));
            consumer.updateBeginningOffsets(Map.of(tp, 0L));
            consumer.addRecord(new ConsumerRecord<>("custflow.events", 2, 0, "c1", Json.write(ORDER)));
            consumer.addRecord(new ConsumerRecord<>("custflow.events", 2, 1, "c1", "{bad"));

            List<SourceRecord> polled = source.poll(Duration.ofMillis(10));

            assertThat(polled).extracting(SourceRecord::origin)
                    .containsExactly("topic custflow.events-2, offset 0", "topic custflow.events-2, offset 1");
            assertThat(polled.get(0).json()).isEqualTo(Json.write(ORDER));
            assertThat(consumer.committed(java.util.Set.of(tp)).get(tp)).as("before acknowledge").isNull();
            source.acknowledge();
            assertThat(consumer.committed(java.util.Set.of(tp))).containsEntry(tp, new OffsetAndMetadata(2));
        }
    }

    @Test
    void eventSource_needsAGroup() {
        assertThatThrownBy(() -> KafkaEventSource.of(Map.of("bootstrap.servers", "localhost:1"), "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group.id");
    }

    @Test
    void actionSink_keysByCustomer_withTheActionIdInAHeader() {
        MockProducer<String, String> producer = producer(true);
        Action action = TAG_VIP;
        try (KafkaActionSink sink = new KafkaActionSink(producer, "custflow.actions")) {
            sink.deliver(List.of(action));
        }
        ProducerRecord<String, String> r = producer.history().get(0);
        assertThat(r.topic()).isEqualTo("custflow.actions");
        assertThat(r.key()).isEqualTo("c1");
        assertThat(Json.readAction(r.value())).isEqualTo(action);
        assertThat(new String(r.headers().lastHeader(KafkaActionSink.ACTION_ID_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo("a1");
    }

    @Test
    void actionSink_failure_namesTheTopic() {
        MockProducer<String, String> producer = producer(false);
        Action action = TAG_VIP;
        KafkaActionSink sink = new KafkaActionSink(producer, "custflow.actions");
        Thread failer = new Thread(() -> {
            while (producer.history().isEmpty()) {
                Thread.onSpinWait();
            }
            producer.errorNext(new TimeoutException("broker away"));
        });
        failer.start();
        assertThatThrownBy(() -> sink.deliver(List.of(action)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("kafka:custflow.actions").hasMessageContaining("broker away");
    }

    @Test
    void publisher_keysByCustomer_broadcastsCustomerlessEventsToEveryPartition_andLeavesTheTimestampToTheProducer() {
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> parts = IntStream.range(0, 4)
                .mapToObj(p -> new PartitionInfo("custflow.events", p, node, new Node[0], new Node[0])).toList();
        Cluster cluster = new Cluster("c", List.of(node), parts, java.util.Set.of(), java.util.Set.of());
        MockProducer<String, String> producer = new MockProducer<>(cluster, true, null, new StringSerializer(),
                new StringSerializer());
        try (EventPublisher publisher = new EventPublisher(producer, "custflow.events")) {
            publisher.publishAll(List.of(ORDER, new ClockTick("tick-1", T.plusSeconds(60))));
        }
        List<ProducerRecord<String, String>> sent = producer.history();
        assertThat(sent).hasSize(5);
        assertThat(sent.get(0).key()).isEqualTo("c1");
        assertThat(sent.get(0).partition()).isNull();
        // stamped when published (the producer's clock), not at the event's time: retention counts from publishing
        assertThat(sent).extracting(ProducerRecord::timestamp).containsOnlyNulls();
        assertThat(sent.subList(1, 5)).extracting(ProducerRecord::partition).containsExactly(0, 1, 2, 3);
        assertThat(sent.subList(1, 5)).allSatisfy(r -> assertThat(Json.readEvent(r.value()).id()).isEqualTo("tick-1"));
    }

    @Test
    void publisher_refusesAFollowUpWithoutItsCustomer() {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(),
                new StringSerializer());
        try (EventPublisher publisher = new EventPublisher(producer, "custflow.events")) {
            assertThatThrownBy(() -> publisher.publish(
                    new OrderStatusChanged("s1", T, "o1", OrderStatus.SHIPPED, null, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("s1").hasMessageContaining("customerId");
        }
        assertThat(producer.history()).isEmpty();
    }
}
