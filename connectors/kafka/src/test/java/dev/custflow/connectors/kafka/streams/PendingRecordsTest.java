package dev.custflow.connectors.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.Rejection;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** A task's pending batch: what the engine gets, and which record each rejection sends to the dead-letter topic. */
class PendingRecordsTest {
    private static final Instant AT = Instant.parse("2025-01-06T10:00:00Z");

    @Test
    void deadLetters_areTheUnreadableRecordsAndTheRejectedEvents_inTheOrderTheyCame() {
        PendingRecords batch = new PendingRecords();
        batch.add(record("a"), "offset 0", event("e1"));
        batch.addUnreadable(record("{not json"), "offset 1", "malformed JSON");
        batch.add(record("b"), "offset 2", event("e2"));
        batch.add(record("c"), "offset 3", event("e3"));

        assertThat(batch.events()).extracting(Event::id).containsExactly("e1", "e2", "e3");
        List<Rejection> unmatched = new ArrayList<>();
        // the engine reports rule failures after the rejections of later events: the order of the records counts
        List<PendingRecords.DeadLetter> dead = batch.deadLetters(List.of(rejection("e3", "unknown order"),
                rejection("e1", "a rule failed"), rejection("weekly-recompute", "a rule failed in timed work")),
                unmatched::add);

        assertThat(dead).extracting(PendingRecords.DeadLetter::origin, PendingRecords.DeadLetter::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("offset 0", "e1: a rule failed"),
                        org.assertj.core.groups.Tuple.tuple("offset 1", "malformed JSON"),
                        org.assertj.core.groups.Tuple.tuple("offset 3", "e3: unknown order"));
        assertThat(dead.get(1).record().value()).isEqualTo("{not json");
        assertThat(unmatched).extracting(Rejection::eventId).containsExactly("weekly-recompute");
    }

    @Test
    void anEventIdIsHeldOncePerBatch_andClearEmptiesTheBatch() {
        PendingRecords batch = new PendingRecords();
        batch.add(record("a"), "offset 0", event("e1"));
        assertThat(batch.holdsEventId("e1")).isTrue();
        assertThatThrownBy(() -> batch.add(record("a"), "offset 1", event("e1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e1");
        assertThat(batch.size()).isEqualTo(1);

        batch.clear();
        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.events()).isEmpty();
        assertThat(batch.holdsEventId("e1")).isFalse();
        assertThat(batch.deadLetters(List.of(), r -> { })).isEmpty();
    }

    private static Record<String, String> record(String value) {
        return new Record<>("c1", value, 0L);
    }

    private static Event event(String id) {
        return new ClockTick(id, AT);
    }

    private static Rejection rejection(String eventId, String problem) {
        return new Rejection(0, eventId, "ClockTick", null, null, problem, eventId + ": " + problem);
    }
}
