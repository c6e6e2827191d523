package dev.custflow;

import static dev.custflow.testdata.Events.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custflow.action.Action;
import dev.custflow.spi.CustomerStores;
import dev.custflow.spi.EventSource;
import dev.custflow.spi.ForwardingCustomerStore;
import dev.custflow.spi.SourceRecord;
import dev.custflow.spi.StoreCommit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pump acknowledges a source only after the engine committed and delivered what it polled. */
class EventPumpTest {

    /** A queue that redelivers what was polled but not acknowledged, and records what it was told. */
    static final class Queue implements EventSource {
        final List<SourceRecord> waiting = new ArrayList<>();
        final List<SourceRecord> unacked = new ArrayList<>();
        final List<String> log = new ArrayList<>();
        int acknowledged;

        void offer(String json) {
            waiting.add(new SourceRecord("queue q, delivery " + (waiting.size() + unacked.size() + acknowledged + 1), json));
        }

        @Override
        public List<SourceRecord> poll(Duration timeout) {
            List<SourceRecord> out = List.copyOf(waiting);
            unacked.addAll(waiting);
            waiting.clear();
            log.add("poll " + out.size());
            return out;
        }

        @Override
        public void acknowledge() {
            log.add("ack " + unacked.size());
            acknowledged += unacked.size();
            unacked.clear();
        }

        /** The consumer died: what was not acknowledged comes again. */
        void redeliver() {
            waiting.addAll(0, unacked);
            unacked.clear();
        }
    }

    /** A store that records commits into the shared log, and fails when told to. */
    static final class LoggingStore extends ForwardingCustomerStore {
        final List<String> log;
        boolean fail;

        LoggingStore(List<String> log) {
            super(CustomerStores.inMemory());
            this.log = log;
        }

        @Override
        public void commit(StoreCommit commit) {
            if (fail) {
                throw new ConnectorException("test-store", "disk full", null);
            }
            log.add("commit " + commit.actions().size() + " actions");
            super.commit(commit);
        }
    }

    static String orderJson(String id, String customer, String at) {
        return Json.write(order(id, customer, at, 120));
    }

    @Test
    void acknowledges_only_after_the_store_committed_and_the_sink_took_the_actions() {
        Queue queue = new Queue();
        LoggingStore store = new LoggingStore(queue.log);
        List<Action> delivered = new ArrayList<>();
        try (Engine engine = Custflow.builder().store(store).actionSink(a -> {
            queue.log.add("deliver " + a.size());
            delivered.addAll(a);
        }).build()) {
            queue.offer(orderJson("o-1", "c-1", "2024-03-01T10:00:00Z"));
            queue.offer(orderJson("o-2", "c-2", "2024-03-01T11:00:00Z"));

            BatchResult r = new EventPump(engine, queue).pumpOnce(Duration.ZERO);

            assertThat(r.accepted()).isEqualTo(2);
            assertThat(delivered).isEqualTo(r.actions()).isNotEmpty();
            assertThat(queue.log).containsExactly("poll 2", "commit " + r.actions().size() + " actions",
                    "deliver " + r.actions().size(), "ack 2");
        }
    }

    @Test
    void a_failed_commit_acknowledges_nothing_and_the_events_come_again_without_doubling_actions() {
        Queue queue = new Queue();
        LoggingStore store = new LoggingStore(queue.log);
        queue.offer(orderJson("o-1", "c-1", "2024-03-01T10:00:00Z"));
        queue.offer(orderJson("o-2", "c-2", "2024-03-01T11:00:00Z"));
        store.fail = true;
        try (Engine engine = Custflow.builder().store(store).build()) {
            EventPump pump = new EventPump(engine, queue);
            assertThatThrownBy(() -> pump.pumpOnce(Duration.ZERO)).hasMessageContaining("disk full");
        }
        assertThat(queue.acknowledged).isZero();

        // a new engine on the same store gets the same records again and decides them once
        queue.redeliver();
        store.fail = false;
        try (Engine engine = Custflow.builder().store(store).build()) {
            BatchResult r = new EventPump(engine, queue).pumpOnce(Duration.ZERO);
            assertThat(r.accepted()).isEqualTo(2);
            assertThat(queue.acknowledged).isEqualTo(2);

            // the source repeats them once more (acknowledged, then redelivered by a broker): duplicates, no actions
            queue.offer(orderJson("o-1", "c-1", "2024-03-01T10:00:00Z"));
            BatchResult again = new EventPump(engine, queue).pumpOnce(Duration.ZERO);
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(again.actions()).isEmpty();
        }
    }

    @Test
    void a_bad_record_is_reported_with_its_origin_and_the_stream_goes_on() {
        Queue queue = new Queue();
        queue.offer(orderJson("o-1", "c-1", "2024-03-01T10:00:00Z"));
        queue.offer("{\"type\":\"OrderPlaced\",\"id\":\"o-2\"");
        queue.offer(orderJson("o-3", "c-3", "2024-03-01T12:00:00Z"));
        List<EventPump.Rejected> bad = new ArrayList<>();
        try (Engine engine = Custflow.builder().build()) {
            BatchResult r = new EventPump(engine, queue, bad::add).pumpOnce(Duration.ZERO);

            assertThat(r.accepted()).isEqualTo(2);
            assertThat(bad).singleElement().satisfies(b -> {
                assertThat(b.origin()).isEqualTo("queue q, delivery 2");
                assertThat(b.toString()).startsWith("queue q, delivery 2: ");
            });
            assertThat(queue.acknowledged).isEqualTo(3);
        }
    }

    @Test
    void a_record_the_source_could_not_read_is_rejected_with_the_source_s_reason_and_the_stream_goes_on() {
        Queue queue = new Queue();
        queue.offer(orderJson("o-1", "c-1", "2024-03-01T10:00:00Z"));
        queue.waiting.add(SourceRecord.unreadable("queue q, delivery 2", "the record is not valid UTF-8"));
        queue.offer(orderJson("o-3", "c-3", "2024-03-01T12:00:00Z"));
        List<EventPump.Rejected> bad = new ArrayList<>();
        try (Engine engine = Custflow.builder().build()) {
            BatchResult r = new EventPump(engine, queue, bad::add).pumpOnce(Duration.ZERO);

            assertThat(r.accepted()).isEqualTo(2);
            assertThat(r.rejections()).singleElement().extracting(Rejection::problem)
                    .isEqualTo("the record is not valid UTF-8");
            assertThat(bad).singleElement().hasToString(
                    "queue q, delivery 2: The event was rejected: the record is not valid UTF-8");
            assertThat(queue.acknowledged).isEqualTo(3);
        }
    }

    @Test
    void a_withheld_value_stays_withheld_when_its_rejection_becomes_an_exception_again() {
        String lead = "{\"type\":\"LeadCaptured\",\"id\":\"e1\",\"at\":\"2025-03-01T09:30:00Z\","
                + "\"leadId\":\"L1\",\"channel\":\"WEB\",\"name\":\"王\\u0007芳\"}";
        Rejection r = Rejection.of(catchThrowableOfType(EventRejectedException.class, () -> Json.readEvent(lead)));

        assertThat(r.toException().getMessage()).isEqualTo(r.message()).contains("value not shown");
        assertThat(r.toException().at(9, "e1").getMessage()).startsWith("The event (line 9, LeadCaptured \"e1\")")
                .contains("field 'name' (value not shown");
    }

    @Test
    void an_event_the_engine_rejects_is_reported_with_the_origin_of_its_record() {
        Queue queue = new Queue();
        queue.offer("{\"type\":\"OrderStatusChanged\",\"id\":\"s-1\",\"at\":\"2024-03-01T10:00:00Z\","
                + "\"orderId\":\"nobody-knows\",\"status\":\"SHIPPED\"}");
        List<EventPump.Rejected> bad = new ArrayList<>();
        try (Engine engine = Custflow.builder().build()) {
            new EventPump(engine, queue, bad::add).pumpOnce(Duration.ZERO);
        }
        assertThat(bad).singleElement().satisfies(b -> {
            assertThat(b.origin()).isEqualTo("queue q, delivery 1");
            assertThat(b.rejection().field()).isEqualTo("orderId");
        });
    }

    @Test
    void an_id_the_engine_rejects_twice_in_a_poll_is_reported_with_each_record_s_own_origin() {
        Queue queue = new Queue();
        for (String order : List.of("nobody-knows", "nor-this-one")) {
            queue.offer("{\"type\":\"OrderStatusChanged\",\"id\":\"s-1\",\"at\":\"2024-03-01T10:00:00Z\","
                    + "\"orderId\":\"" + order + "\",\"status\":\"SHIPPED\"}");
        }
        List<EventPump.Rejected> bad = new ArrayList<>();
        try (Engine engine = Custflow.builder().build()) {
            new EventPump(engine, queue, bad::add).pumpOnce(Duration.ZERO);
        }
        assertThat(bad).extracting(EventPump.Rejected::origin)
                .containsExactly("queue q, delivery 1", "queue q, delivery 2");
        assertThat(bad).extracting(b -> b.rejection().value()).containsExactly("nobody-knows", "nor-this-one");
    }
}
