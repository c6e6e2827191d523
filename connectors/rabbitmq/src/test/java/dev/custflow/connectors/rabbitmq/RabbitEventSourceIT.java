package dev.custflow.connectors.rabbitmq;

import static dev.custflow.testdata.Events.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.BatchResult;
import dev.custflow.ConnectorException;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventPump;
import dev.custflow.Json;
import dev.custflow.spi.SourceRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The source on the local broker: batches, origins, acknowledgements, redelivery, failures. */
class RabbitEventSourceIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    @AutoClose // after the tests, also when one failed
    private TestBroker broker;

    @BeforeEach
    void openBroker() {
        broker = TestBroker.open();
    }

    private static String orderJson(int n) {
        return Json.write(order("o-" + n, "c-" + (n % 3), "2024-03-01T10:00:" + String.format("%02d", n % 60) + "Z", 100));
    }

    private RabbitEventSource.Builder source(String queue) {
        return RabbitEventSource.builder().uri(broker.uri).queue(broker.queueMadeElsewhere(queue));
    }

    /** Polls until {@code count} records came (a poll returns what has arrived, so the first may be short). */
    private static List<SourceRecord> pollAll(RabbitEventSource source, int count) {
        List<SourceRecord> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (out.size() < count && System.nanoTime() < deadline) {
            out.addAll(source.poll(Duration.ofMillis(200)));
        }
        return out;
    }

    @Test
    void polls_inQueueOrder_atMostABatch_withOriginsNamingQueueDeliveryAndMessageId() throws Exception {
        String queue = broker.name("events");
        try (RabbitEventSource source = source(queue).prefetch(10).maxBatch(4).build()) {
            for (int i = 1; i <= 10; i++) {
                broker.publish(queue, "m-" + i, orderJson(i));
            }
            // how many of the prefetched messages have arrived at each poll is the broker's timing: batches hold
            // what is there, never more than maxBatch
            List<List<SourceRecord>> batches = new ArrayList<>();
            int polled = 0;
            while (polled < 10) {
                List<SourceRecord> b = source.poll(WAIT);
                assertThat(b).as("a poll within " + WAIT).isNotEmpty();
                batches.add(b);
                polled += b.size();
            }

            assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(4));
            assertThat(polled).isEqualTo(10);
            assertThat(source.poll(Duration.ofMillis(300))).isEmpty();
            List<SourceRecord> all = batches.stream().flatMap(List::stream).toList();
            for (int i = 0; i < 10; i++) {
                assertThat(all.get(i).json()).isEqualTo(orderJson(i + 1));
                assertThat(all.get(i).origin()).isEqualTo("queue " + queue + ", delivery " + (i + 1) + ", message m-" + (i + 1));
            }
        }
    }

    @Test
    void acknowledge_forgetsEverythingPolled_andWhatWasNotAcknowledgedComesAgain_afterClose() throws Exception {
        String queue = broker.name("events");
        broker.admin.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum")); // as the source does
        for (int i = 1; i <= 6; i++) {
            broker.publish(queue, "m-" + i, orderJson(i));
        }
        try (RabbitEventSource source = source(queue).prefetch(3).maxBatch(3).build()) {
            assertThat(pollAll(source, 3)).hasSize(3);
            source.acknowledge();
            assertThat(pollAll(source, 3)).extracting(SourceRecord::json)
                    .containsExactly(orderJson(4), orderJson(5), orderJson(6));
            // closed without acknowledging 4 to 6: a crash between poll and acknowledge
        }
        broker.awaitReady(queue, 3); // 4 to 6 back in the queue: the broker requeues them after the close returns

        try (RabbitEventSource again = source(queue).prefetch(3).maxBatch(3).build()) {
            List<SourceRecord> records = pollAll(again, 3);
            assertThat(records).extracting(SourceRecord::json).containsExactly(orderJson(4), orderJson(5), orderJson(6));
            assertThat(records.get(0).origin()).endsWith(", message m-4, redelivered");
            again.acknowledge();
            assertThat(again.poll(Duration.ofMillis(300))).isEmpty();
        }
        assertThat(broker.ready(queue)).isZero();
    }

    @Test
    void aBadJsonMessage_isReportedWithItsOrigin_andTheStreamGoesOn() throws Exception {
        String queue = broker.name("events");
        List<EventPump.Rejected> bad = new ArrayList<>();
        try (RabbitEventSource source = source(queue).build();
             Engine engine = Custflow.builder().build()) {
            broker.publish(queue, "m-1", orderJson(1));
            broker.publish(queue, "m-2", "{\"type\":\"OrderPlaced\",\"id\":\"o-2\"");
            broker.publish(queue, "m-3", orderJson(3));
            EventPump pump = new EventPump(engine, source, bad::add);

            int accepted = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (accepted < 2 && System.nanoTime() < deadline) {
                BatchResult r = pump.pumpOnce(Duration.ofMillis(200));
                accepted += r.accepted();
            }

            assertThat(accepted).isEqualTo(2);
            assertThat(bad).singleElement().satisfies(b -> {
                assertThat(b.origin()).isEqualTo("queue " + queue + ", delivery 2, message m-2");
                assertThat(b.toString()).startsWith("queue " + queue + ", delivery 2, message m-2: ");
            });
        }
        assertThat(broker.ready(queue)).as("the bad message was acknowledged with the rest").isZero();
    }

    @Test
    void aLostConnection_isAConnectorException_andThePolledMessagesComeAgainToANewSource() throws Exception {
        String queue = broker.name("events");
        try (CuttableProxy proxy = new CuttableProxy(TestBroker.HOST)) {
            RabbitEventSource source = RabbitEventSource.builder().uri(proxy.uri())
                    .queue(broker.queueMadeElsewhere(queue)).build();
            broker.publish(queue, "m-1", orderJson(1));
            broker.publish(queue, "m-2", orderJson(2));
            assertThat(pollAll(source, 2)).hasSize(2);

            proxy.cut();
            assertThatThrownBy(() -> source.poll(WAIT)).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("queue " + queue)
                    .hasMessageContaining("build a new source");
            assertThatThrownBy(source::acknowledge).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("come again");
            source.close();
            assertThatThrownBy(() -> source.poll(WAIT)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is closed");
        }
        try (RabbitEventSource again = source(queue).build()) {
            assertThat(pollAll(again, 2)).extracting(SourceRecord::json).containsExactly(orderJson(1), orderJson(2));
            again.acknowledge();
        }
    }

    @Test
    void aQueueOfAnotherType_isAConnectorException_thatSaysHowToUseItAsItIs() throws Exception {
        String queue = broker.queue("classic", Map.of());

        assertThatThrownBy(() -> RabbitEventSource.builder().uri(broker.uri).queue(queue).build())
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("queue " + queue + ": cannot declare the queue (durable, quorum)")
                .hasMessageContaining("inequivalent arg 'x-queue-type'")
                .hasMessageContaining("declareQueue(null) to use it as it is");

        try (RabbitEventSource source = RabbitEventSource.builder().uri(broker.uri).queue(queue).declareQueue(null)
                .build()) {
            broker.publish(queue, "m-1", orderJson(1));
            assertThat(pollAll(source, 1)).hasSize(1);
        }
    }

    @Test
    void aMissingQueue_notToBeDeclared_isAConnectorException_namingIt() {
        String queue = broker.name("missing");

        assertThatThrownBy(() -> RabbitEventSource.builder().uri(broker.uri).queue(queue).declareQueue(null).build())
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("NOT_FOUND - no queue '" + queue + "'");
    }
}
