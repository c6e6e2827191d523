package dev.custflow.connectors.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.custflow.ConnectorException;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.connectors.testkit.SampleActions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the sink puts on the wire, and that nothing counts as delivered unless the broker confirmed it. */
class RabbitActionSinkIT {
    @AutoClose // after the tests, also when one failed
    private TestBroker broker;

    @BeforeEach
    void openBroker() {
        broker = TestBroker.open();
    }

    @Test
    void eachAction_isAPersistentJsonMessage_withItsIdAsMessageId_routedByItsType() throws Exception {
        String exchange = broker.exchangeMadeElsewhere(broker.name("actions"));
        List<Action> actions = SampleActions.actions("C-1", 0, 4); // TAG_ADDED, STAGE_CHANGED, CHURN_WARNING, TASK_CREATED
        try (RabbitActionSink sink = RabbitActionSink.builder().uri(broker.uri).exchange(exchange).build()) {
            String tasks = broker.queue("tasks", Map.of());
            String all = broker.queue("all", Map.of());
            broker.admin.queueBind(tasks, exchange, "TASK_CREATED");
            broker.admin.queueBind(all, exchange, "#");

            sink.deliver(actions);

            assertThat(sink.published()).isEqualTo(4);
            List<GetResponse> got = broker.drain(all);
            assertThat(got).hasSize(4);
            for (int i = 0; i < 4; i++) {
                Action a = actions.get(i);
                GetResponse r = got.get(i);
                AMQP.BasicProperties p = r.getProps();
                assertThat(new String(r.getBody(), StandardCharsets.UTF_8)).isEqualTo(Json.write(a));
                assertThat(p.getMessageId()).isEqualTo(a.id());
                assertThat(p.getDeliveryMode()).isEqualTo(2);
                assertThat(p.getContentType()).isEqualTo("application/json");
                assertThat(p.getHeaders().get("type")).hasToString(a.type()); // AMQP strings arrive as LongString
                assertThat(p.getHeaders().get("customerId")).hasToString("C-1");
                assertThat(r.getEnvelope().getRoutingKey()).isEqualTo(a.type());
            }
            assertThat(broker.drain(tasks)).singleElement()
                    .satisfies(r -> assertThat(r.getProps().getMessageId()).isEqualTo("C-1#3"));
        }
    }

    @Test
    void aNack_isAConnectorException_namingExchangeAndRoutingKey_andTheSinkGoesOnAfterwards() throws Exception {
        // a queue that holds one message and refuses the next: the broker nacks the publish
        String full = broker.queue("full", Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        try (RabbitActionSink sink = RabbitActionSink.builder().uri(broker.uri).exchange("").routingKey(full)
                .build()) {
            sink.deliver(SampleActions.actions("A", 0, 1));

            assertThatThrownBy(() -> sink.deliver(SampleActions.actions("A", 1, 3)))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("exchange (default), routing key(s) " + full)
                    .hasMessageContaining("nacked")
                    .hasMessageContaining("None counts as delivered");
            assertThat(sink.published()).isEqualTo(1);

            broker.drain(full);
            sink.deliver(SampleActions.actions("A", 1, 1)); // a new channel: the failed one was closed
            assertThat(broker.drain(full)).singleElement()
                    .satisfies(r -> assertThat(r.getProps().getMessageId()).isEqualTo("A#1"));
            assertThat(sink.published()).isEqualTo(2);
        }
    }

    @Test
    void aMessageNoQueueTakes_isAConnectorException_whileMandatory_andDroppedSilentlyOtherwise() throws Exception {
        String exchange = broker.exchangeMadeElsewhere(broker.name("nobody"));
        try (RabbitActionSink sink = RabbitActionSink.builder().uri(broker.uri).exchange(exchange).build()) {
            assertThatThrownBy(() -> sink.deliver(SampleActions.actions("A", 0, 2)))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("exchange " + exchange + ", routing key(s) TAG_ADDED, STAGE_CHANGED")
                    .hasMessageContaining("2 message(s) reached no queue (first: action A#0, routing key TAG_ADDED");
        }
        try (RabbitActionSink sink = RabbitActionSink.builder().uri(broker.uri).exchange(exchange).mandatory(false)
                .build()) {
            sink.deliver(SampleActions.actions("A", 0, 2));
            assertThat(sink.published()).isEqualTo(2);
        }
    }

    @Test
    void aLostConnection_isAConnectorException_andOnceTheBrokerIsBackTheNextDeliveryLosesNothing() throws Exception {
        String queue = broker.queue("q", Map.of());
        try (CuttableProxy proxy = new CuttableProxy(TestBroker.HOST);
             RabbitActionSink sink = sinkThrough(proxy, queue)) {
            sink.deliver(SampleActions.actions("A", 0, 2));

            proxy.down();
            assertThatThrownBy(() -> sink.deliver(SampleActions.actions("A", 2, 2)))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("exchange (default), routing key(s) " + queue)
                    .hasMessageContaining("None counts as delivered");
            assertThat(sink.published()).isEqualTo(2);

            proxy.up();
            sink.deliver(SampleActions.actions("A", 2, 2));
            assertThat(SampleActions.withoutRepeats(drained(queue))).containsExactlyElementsOf(
                    SampleActions.actions("A", 0, 4));
        }
    }

    @Test
    void aConnectionLostWhileIdle_isReplacedByTheNextDelivery_andNothingIsLost() throws Exception {
        String queue = broker.queue("q", Map.of());
        try (CuttableProxy proxy = new CuttableProxy(TestBroker.HOST);
             RabbitActionSink sink = sinkThrough(proxy, queue)) {
            sink.deliver(SampleActions.actions("A", 0, 2));
            for (int round = 0; round < 3; round++) {
                proxy.cut(); // the broker went away and came back between two deliveries: the sink is not told
                sink.deliver(SampleActions.actions("A", 2 + 2 * round, 2));
            }
            assertThat(SampleActions.withoutRepeats(drained(queue))).containsExactlyElementsOf(
                    SampleActions.actions("A", 0, 8));
            assertThat(sink.published()).isEqualTo(8);
        }
    }

    @Test
    void anUnreachableBroker_isAConnectorException_atBuild() {
        assertThatThrownBy(() -> RabbitActionSink.builder().uri("amqp://guest:guest@127.0.0.1:1").build())
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("rabbitmq amqp://127.0.0.1:1/ exchange custflow.actions: cannot connect");
    }

    /** A sink to the default exchange, routed to the queue, connected through the proxy. */
    private static RabbitActionSink sinkThrough(CuttableProxy proxy, String queue) {
        return RabbitActionSink.builder().uri(proxy.uri()).exchange("").routingKey(queue).build();
    }

    /** @return the actions the queue held, read as the sink wrote them */
    private List<Action> drained(String queue) throws IOException {
        return broker.drain(queue).stream()
                .map(r -> Json.readAction(new String(r.getBody(), StandardCharsets.UTF_8))).toList();
    }
}
