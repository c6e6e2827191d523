package dev.custflow.connectors.rabbitmq;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventPump;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.connectors.jdbc.JdbcCustomerStore;
import dev.custflow.connectors.jdbc.OutboxRelay;
import dev.custflow.connectors.testkit.SampleActions;
import dev.custflow.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The numbers in docs/rabbitmq.md: how many actions a second {@link RabbitActionSink} publishes with confirms, by
 * batch size, and how many events a second go through {@link EventPump} from a queue to the actions queue. Not a
 * test (no timed assertions): run its main with the module's test class path against the local broker; the
 * arguments {@code publish} and {@code pump} choose one half.
 */
public final class RabbitMeasurements {
    private RabbitMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        try (TestBroker broker = TestBroker.open()) {
            List<String> what = args.length == 0 ? List.of("publish", "pump") : List.of(args);
            if (what.contains("publish")) {
                publish(broker, "quorum");
                publish(broker, "classic");
            }
            if (what.contains("pump")) {
                pump(broker, 500, false);
                pump(broker, 500, true);
                pump(broker, 50, true);
            }
        }
    }

    private static void publish(TestBroker broker, String queueType) throws Exception {
        String exchange = broker.exchangeMadeElsewhere(broker.name("x-" + queueType));
        try (RabbitActionSink sink = RabbitActionSink.builder().uri(broker.uri).exchange(exchange).build()) {
            String queue = broker.queue("q-" + queueType, Map.of("x-queue-type", queueType));
            broker.admin.queueBind(queue, exchange, "#");
            List<Action> actions = new ArrayList<>();
            for (int c = 0; c < 1_000; c++) {
                actions.addAll(SampleActions.actions("C-" + c, 0, 20));
            }
            sink.deliver(actions.subList(0, 2_000)); // warm-up
            for (int batch : new int[] {1, 10, 100, 1_000}) {
                int total = batch == 1 ? 2_000 : batch == 10 ? 10_000 : 20_000;
                long t0 = System.nanoTime();
                for (int i = 0; i < total; i += batch) {
                    sink.deliver(actions.subList(i, i + batch));
                }
                long ns = System.nanoTime() - t0;
                System.out.printf("publish, %s queue, batches of %,5d: %,7.0f actions/s (%,d actions, %,d ms)%n",
                        queueType, batch, total * 1e9 / ns, total, ns / 1_000_000);
                broker.admin.queuePurge(queue);
            }
        }
    }

    private static void pump(TestBroker broker, int batch, boolean jdbc) throws Exception {
        List<Event> events = RabbitEndToEndIT.events(11, 400, 120);
        String eventsQueue = broker.queue("events-" + batch + jdbc, Map.of("x-queue-type", "quorum"));
        for (Event e : events) {
            broker.publish(eventsQueue, e.id(), Json.write(e));
        }
        String exchange = broker.exchangeMadeElsewhere(broker.name("actions-" + batch + jdbc));
        Path h2 = Files.createDirectories(Path.of("target", "rabbit-measure", UUID.randomUUID().toString()))
                .resolve("custflow");
        try (RabbitActionSink sink = RabbitActionSink.builder().uri(broker.uri).exchange(exchange).build();
             JdbcCustomerStore store = JdbcCustomerStore.builder().h2File(h2).build();
             OutboxRelay relay = OutboxRelay.builder(store, sink).build()) {
            String actionsQueue = broker.queue("all-" + batch + jdbc, Map.of("x-queue-type", "quorum"));
            broker.admin.queueBind(actionsQueue, exchange, "#");
            Custflow.builder().build().close(); // the rules compile once before the clock starts
            Engine engine = jdbc ? Custflow.builder().store(store).build() : Custflow.builder().actionSink(sink).build();
            if (jdbc) {
                relay.start();
            }
            RabbitEndToEndIT.Counting source = new RabbitEndToEndIT.Counting(RabbitEventSource.builder()
                    .uri(broker.uri).queue(eventsQueue).maxBatch(batch).prefetch(2 * batch).build());
            long actions = 0;
            long t0 = System.nanoTime();
            try (EventPump pump = new EventPump(engine, source)) {
                while (source.acknowledged < events.size()) {
                    actions += pump.pumpOnce(Duration.ofMillis(200)).actions().size();
                }
            }
            long pumped = System.nanoTime() - t0;
            while (jdbc && store.pendingActions() > 0) {
                Thread.sleep(5);
            }
            long delivered = System.nanoTime() - t0;
            engine.close();
            System.out.printf("pump, batches of %d, %s: %,d events in %,d ms: %,.0f events/s; %,d actions, all on "
                            + "the actions queue after %,d ms%n", batch,
                    jdbc ? "engine on an H2 JdbcCustomerStore, outbox relay to the sink" : "no store, sink as the "
                            + "engine's ActionSink", events.size(), pumped / 1_000_000, events.size() * 1e9 / pumped,
                    actions, delivered / 1_000_000);
        }
    }
}
