package dev.custflow.connectors.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.GetResponse;
import dev.custflow.BatchResult;
import dev.custflow.ConnectorException;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventPump;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.connectors.jdbc.JdbcCustomerStore;
import dev.custflow.connectors.jdbc.OutboxRelay;
import dev.custflow.event.Event;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.TicketKind;
import dev.custflow.spi.EventSource;
import dev.custflow.spi.ForwardingCustomerStore;
import dev.custflow.spi.SourceRecord;
import dev.custflow.spi.StoreCommit;
import dev.custflow.testdata.Events;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events on a queue → {@link RabbitEventSource} → {@link EventPump} → an engine on a {@link JdbcCustomerStore} (H2 file
 * under target/) → its outbox → {@link OutboxRelay} → {@link RabbitActionSink} → an actions queue. What arrives there,
 * repeats dropped by message id, is what one plain engine run over the same events decides, in the same order for
 * each customer, also when the pump dies between the commit and the acknowledgement.
 */
class RabbitEndToEndIT {
    private static final int CUSTOMERS = 20;
    private static final int DAYS = 90;
    private static List<Event> events;
    private static List<Action> expected;

    @AutoClose // after the tests, also when one failed
    private TestBroker broker;
    private String eventsQueue;
    private String exchange;
    private String actionsQueue;
    private Path h2;

    static List<Event> events(long seed) {
        return events(seed, CUSTOMERS, DAYS);
    }

    /** Orders with shipments and returns, support tickets opened and resolved, a lead, a rep and weekly ticks. */
    static List<Event> events(long seed, int customers, int days) {
        Random rnd = new Random(seed);
        List<Event> out = new ArrayList<>();
        out.add(Events.rep("r-1", "EAST", "华东", 50, "2024-01-01"));
        out.add(Events.lead("L-1", "2024-01-02", "WEBSITE"));
        Set<Integer> buyers = new HashSet<>();
        int tickets = 0;
        LocalDate first = LocalDate.parse("2024-01-03");
        for (int day = 0; day < days; day++) {
            String date = first.plusDays(day).toString();
            for (int c = 0; c < customers; c++) {
                String customer = "c-" + c;
                String inHour = String.format("%02d:%02d", c / 60 % 60, c % 60); // minute and second
                double x = rnd.nextDouble();
                if (x < 0.12) {
                    String order = "o-" + c + "-" + day;
                    out.add(Events.order(order, customer, date + "T10:" + inHour + "Z", 50 + rnd.nextInt(900)));
                    out.add(Events.status(order, rnd.nextInt(10) == 0 ? OrderStatus.RETURNED : OrderStatus.SHIPPED,
                            date + "T18:" + inHour + "Z"));
                    buyers.add(c);
                } else if (x < 0.14 && buyers.contains(c)) {
                    String ticket = "t-" + tickets++;
                    out.add(Events.ticket(ticket, customer, rnd.nextBoolean() ? TicketKind.COMPLAINT
                            : TicketKind.INQUIRY, date + "T12:" + inHour + "Z"));
                    out.add(Events.resolved(ticket, first.plusDays(day + 2) + "T15:" + inHour + "Z"));
                }
            }
            if (day % 7 == 6) {
                out.add(Events.tick(date + "T23:59:00Z"));
            }
        }
        out.sort(Comparator.comparing(Event::at)); // stable: same-time events keep their order
        return out;
    }

    @BeforeAll
    static void onePlainRun() {
        events = events(7);
        if (TestBroker.whyNotAnswering() != null) {
            return; // each test is skipped with the reason; no need to compile the rules
        }
        try (Engine engine = Custflow.builder().build()) {
            expected = engine.acceptAll(events).actions();
        }
    }

    @BeforeEach
    void openBroker() throws Exception {
        broker = TestBroker.open();
        eventsQueue = broker.queueMadeElsewhere(broker.name("events"));
        broker.admin.queueDeclare(eventsQueue, true, false, false, Map.of("x-queue-type", "quorum"));
        for (Event e : events) {
            broker.publish(eventsQueue, e.id(), Json.write(e));
        }
        exchange = broker.exchangeMadeElsewhere(broker.name("actions"));
        broker.admin.exchangeDeclare(exchange, "topic", true);
        actionsQueue = broker.queue("all-actions", Map.of());
        broker.admin.queueBind(actionsQueue, exchange, "#");
        h2 = Files.createDirectories(Path.of("target", "rabbit-e2e", UUID.randomUUID().toString())).resolve("custflow");
    }

    /** Counts what was polled and acknowledged, as the broker sees it. */
    static final class Counting implements EventSource {
        final EventSource inner;
        int sinceAck;
        int acknowledged;

        Counting(EventSource inner) {
            this.inner = inner;
        }

        @Override
        public List<SourceRecord> poll(Duration timeout) {
            List<SourceRecord> r = inner.poll(timeout);
            sinceAck += r.size();
            return r;
        }

        @Override
        public void acknowledge() {
            inner.acknowledge();
            acknowledged += sinceAck;
            sinceAck = 0;
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** The JDBC store, and a crash right after its {@code crashAt}-th commit: the source's connection dies. */
    static final class CrashAfterCommit extends ForwardingCustomerStore {
        final JdbcCustomerStore inner;
        final int crashAt;
        final Runnable crash;
        int commits;
        long crashedAtPosition = -1;

        CrashAfterCommit(JdbcCustomerStore inner, int crashAt, Runnable crash) {
            super(inner);
            this.inner = inner;
            this.crashAt = crashAt;
            this.crash = crash;
        }

        @Override
        public void commit(StoreCommit commit) {
            super.commit(commit);
            if (++commits == crashAt) {
                crashedAtPosition = commit.position();
                crash.run();
                throw new IllegalStateException("simulated crash after commit " + commits);
            }
        }
    }

    private RabbitEventSource source() {
        return RabbitEventSource.builder().uri(broker.uri).queue(eventsQueue).prefetch(100).maxBatch(50).build();
    }

    private RabbitActionSink sink() {
        return RabbitActionSink.builder().uri(broker.uri).exchange(exchange).build();
    }

    private JdbcCustomerStore store() {
        return JdbcCustomerStore.builder().h2File(h2).build();
    }

    /** Waits for a broker's or another thread's progress: polls in this thread, with a deadline. */
    private static void await(String what, BooleanSupplier done) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(done::getAsBoolean);
    }

    /** Pumps until {@code count} records were acknowledged. @return the duplicates the engine dropped */
    private static int pumpUntilAcknowledged(EventPump pump, Counting source, int count) {
        int duplicates = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (source.acknowledged < count) {
            assertThat(System.nanoTime()).as("pumping " + count + " events").isLessThan(deadline);
            BatchResult r = pump.pumpOnce(Duration.ofMillis(200));
            duplicates += r.duplicates();
        }
        return duplicates;
    }

    /**
     * The actions queue, repeats dropped by message id, equals the plain run: the same actions, byte for byte, in the
     * same order for each customer; a repeat has the same body as its first arrival.
     *
     * @return how many repeats came
     */
    private int assertActionsQueueHoldsThePlainRun() throws Exception {
        List<GetResponse> got = broker.drain(actionsQueue);
        Map<String, String> bodyById = new HashMap<>();
        Map<String, List<String>> idsByCustomer = new LinkedHashMap<>();
        int repeats = 0;
        for (GetResponse r : got) {
            String id = r.getProps().getMessageId();
            String body = new String(r.getBody(), StandardCharsets.UTF_8);
            String before = bodyById.putIfAbsent(id, body);
            if (before != null) {
                assertThat(body).as("a repeat of " + id).isEqualTo(before);
                repeats++;
                continue;
            }
            Action a = Json.readAction(body);
            assertThat(a.id()).isEqualTo(id);
            idsByCustomer.computeIfAbsent(String.valueOf(a.customerId()), k -> new ArrayList<>()).add(id);
        }
        Map<String, String> expectedBodies = new HashMap<>();
        Map<String, List<String>> expectedByCustomer = new LinkedHashMap<>();
        for (Action a : expected) {
            expectedBodies.put(a.id(), Json.write(a));
            expectedByCustomer.computeIfAbsent(String.valueOf(a.customerId()), k -> new ArrayList<>()).add(a.id());
        }
        assertThat(bodyById).isEqualTo(expectedBodies);
        assertThat(idsByCustomer).isEqualTo(expectedByCustomer);
        return repeats;
    }

    @Test
    void eventsFromAQueue_throughTheEngineAndItsOutbox_arriveAsThePlainRunsActions() throws Exception {
        assertThat(expected).hasSizeGreaterThan(events.size() / 2);
        long t0;
        long pumped;
        try (JdbcCustomerStore store = store();
             RabbitActionSink sink = sink();
             OutboxRelay relay = OutboxRelay.builder(store, sink).build().start();
             Engine engine = Custflow.builder().store(store).build()) {
            Counting source = new Counting(source());
            try (EventPump pump = new EventPump(engine, source)) {
                t0 = System.nanoTime();
                pumpUntilAcknowledged(pump, source, events.size());
                pumped = System.nanoTime();
                await("the outbox to drain", () -> store.pendingActions() == 0);
            }
        }
        long delivered = System.nanoTime();
        assertThat(broker.ready(eventsQueue)).as("every event acknowledged").isZero();
        int repeats = assertActionsQueueHoldsThePlainRun();
        System.out.printf("RabbitEndToEndIT: %,d events pumped in %,d ms (%,.0f events/s), %,d actions on the actions "
                        + "queue %,d ms after the first poll, %d repeats%n", events.size(), (pumped - t0) / 1_000_000,
                events.size() * 1e9 / (pumped - t0), expected.size(), (delivered - t0) / 1_000_000, repeats);
    }

    @Test
    void aCrashAfterTheCommitAndBeforeTheAcknowledgement_losesNoAction_andRepeatsOnlyWithTheSameMessageId()
            throws Exception {
        int acknowledgedBeforeCrash;
        int crashedBatch;
        long crashedAtPosition;
        AtomicBoolean relayDied = new AtomicBoolean();
        try (JdbcCustomerStore store = store();
             RabbitActionSink sink = sink();
             // the relay's first delivery also "dies" after the broker confirmed and before the rows are marked:
             // the relay delivers that batch again, so repeats do come
             OutboxRelay relay = OutboxRelay.builder(store, actions -> {
                 sink.deliver(actions);
                 if (relayDied.compareAndSet(false, true)) {
                     throw new ConnectorException("test", "died after the broker confirmed, before marking", null);
                 }
             }).build().start()) {
            RabbitEventSource rabbit = source();
            Counting source = new Counting(rabbit);
            CrashAfterCommit crashing = new CrashAfterCommit(store, 4, rabbit::close);
            Engine engine = Custflow.builder().store(crashing).build(); // dropped without close, as by a crash
            EventPump pump = new EventPump(engine, source);
            assertThatThrownBy(() -> pumpUntilAcknowledged(pump, source, events.size()))
                    .hasStackTraceContaining("simulated crash after commit 4");
            acknowledgedBeforeCrash = source.acknowledged;
            crashedBatch = source.sinceAck;
            crashedAtPosition = crashing.crashedAtPosition;
            await("the relay's first delivery", relayDied::get);
        }
        assertThat(crashedBatch).isPositive();
        assertThat(crashedAtPosition).as("the crashed batch was committed").isEqualTo(acknowledgedBeforeCrash + crashedBatch);
        // ... and not acknowledged: back in the queue with everything after it
        broker.awaitReady(eventsQueue, events.size() - acknowledgedBeforeCrash);

        int duplicates;
        try (JdbcCustomerStore store = store();
             RabbitActionSink sink = sink();
             OutboxRelay relay = OutboxRelay.builder(store, sink).build().start();
             Engine engine = Custflow.builder().store(store).build()) {
            assertThat(engine.position()).isEqualTo(crashedAtPosition);
            Counting source = new Counting(source());
            try (EventPump pump = new EventPump(engine, source)) {
                duplicates = pumpUntilAcknowledged(pump, source, events.size() - acknowledgedBeforeCrash);
                await("the outbox to drain", () -> store.pendingActions() == 0);
            }
        }
        assertThat(duplicates).as("the crashed batch came again and was dropped by event id").isEqualTo(crashedBatch);
        assertThat(broker.ready(eventsQueue)).isZero();
        int repeats = assertActionsQueueHoldsThePlainRun();
        assertThat(repeats).as("the batch the relay delivered twice").isPositive();
        System.out.printf("RabbitEndToEndIT: crash after commit 4 (%d events acknowledged, a batch of %d committed "
                        + "and not acknowledged): %,d actions arrived, %d repeats with the same message id%n",
                acknowledgedBeforeCrash, crashedBatch, expected.size(), repeats);
    }
}
