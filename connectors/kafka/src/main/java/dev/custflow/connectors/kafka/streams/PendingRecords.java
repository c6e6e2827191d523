package dev.custflow.connectors.kafka.streams;

import dev.custflow.Rejection;
import dev.custflow.event.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The records a task has taken and not yet given to its engine, in the order they came: the events, which go to the
 * engine together in one {@code acceptAll}, and the records that are no event, which go to the dead-letter topic at
 * the same time, in their place. The engine names a rejected event by its id; so that every rejection finds its one
 * record, a batch holds each event id once (the processor runs the batch before taking a record whose id it holds).
 */
final class PendingRecords {
    /** A record for the dead-letter topic: where it came from and what is wrong with it. */
    record DeadLetter(Record<String, String> record, String origin, String problem) {
    }

    /** A record taken: its event, or the reason it is none. */
    private record Pending(Record<String, String> record, String origin, Event event, String unreadable) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Set<String> eventIds = new HashSet<>();

    /** @return true if no record waits */
    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** @return the records waiting, events or not */
    int size() {
        return pending.size();
    }

    /**
     * @param eventId an event id
     * @return true if an event with that id waits in this batch
     */
    boolean holdsEventId(String eventId) {
        return eventIds.contains(eventId);
    }

    /**
     * @param record the record as it came
     * @param origin where it came from ({@code topic T-p, offset o})
     * @param event  its event, whose id this batch does not hold yet
     * @throws IllegalArgumentException if the batch holds the event's id already
     */
    void add(Record<String, String> record, String origin, Event event) {
        if (!eventIds.add(event.id())) {
            throw new IllegalArgumentException("the batch holds event " + event.id() + " already: run it first");
        }
        pending.add(new Pending(record, origin, event, null));
        events.add(event);
    }

    /**
     * @param record  a record that is no valid event
     * @param origin  where it came from
     * @param problem what is wrong with it
     */
    void addUnreadable(Record<String, String> record, String origin, String problem) {
        pending.add(new Pending(record, origin, null, problem));
    }

    /** @return the events waiting, in order (a view: valid until {@link #clear}) */
    List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * What goes to the dead-letter topic once the engine has run the batch: the records that are no event, and a
     * dead letter per rejection of an event, each naming its record; in the order the records came.
     *
     * @param rejections the engine's rejections for {@link #events()}
     * @param unmatched  receives a rejection that names no event of the batch (a rule that failed in timed work the
     *                   batch set off, not in an event of its own)
     * @return the dead letters, in record order
     */
    List<DeadLetter> deadLetters(List<Rejection> rejections, Consumer<Rejection> unmatched) {
        Map<String, List<String>> problems = new HashMap<>();
        for (Rejection r : rejections) {
            if (r.eventId() != null && eventIds.contains(r.eventId())) {
                problems.computeIfAbsent(r.eventId(), id -> new ArrayList<>(1)).add(r.message());
            } else {
                unmatched.accept(r);
            }
        }
        List<DeadLetter> out = new ArrayList<>();
        for (Pending p : pending) {
            if (p.event() == null) {
                out.add(new DeadLetter(p.record(), p.origin(), p.unreadable()));
            } else if (!problems.isEmpty()) {
                for (String problem : problems.getOrDefault(p.event().id(), List.of())) {
                    out.add(new DeadLetter(p.record(), p.origin(), problem));
                }
            }
        }
        return out;
    }

    /** Drops every record waiting. */
    void clear() {
        pending.clear();
        events.clear();
        eventIds.clear();
    }
}
