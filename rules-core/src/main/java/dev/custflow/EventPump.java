package dev.custflow;

import dev.custflow.spi.EventSource;
import dev.custflow.spi.SourceRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds an engine from an {@link EventSource}: poll, apply, then acknowledge. The source is acknowledged only after
 * the engine call returned, that is after the engine's store committed the batch and its sink took the actions; if
 * the call fails, nothing is acknowledged and the records come again to the next pump (the engine drops the events it
 * had already applied by their ids).
 *
 * <p>A record that the source could not read ({@link SourceRecord#readable()}), that is not a valid event, or that the
 * engine rejects, is reported with its origin (queue and delivery, topic and offset) and acknowledged with the rest: a
 * bad event never stops the stream.
 *
 * <pre>{@code
 * try (EventPump pump = new EventPump(engine, source, bad -> log.warn("{}", bad))) {
 *     pump.run(Duration.ofMillis(500)); // until pump.stop() from another thread
 * }
 * }</pre>
 */
public final class EventPump implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);

    /**
     * A record the engine did not take.
     *
     * @param origin    where it came from, as the source named it
     * @param rejection what is wrong, with field and value
     */
    public record Rejected(String origin, Rejection rejection) {
        @Override
        public String toString() {
            return origin + ": " + rejection.message();
        }
    }

    private final Engine engine;
    private final EventSource source;
    private final Consumer<Rejected> onRejected;
    private volatile boolean stopped;

    /**
     * @param engine     the engine to feed
     * @param source     where the events come from; closed with the pump
     * @param onRejected told of every record that was not applied
     */
    public EventPump(Engine engine, EventSource source, Consumer<Rejected> onRejected) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.source = Objects.requireNonNull(source, "source");
        this.onRejected = Objects.requireNonNull(onRejected, "onRejected");
    }

    /**
     * @param engine the engine to feed
     * @param source where the events come from; closed with the pump
     */
    public EventPump(Engine engine, EventSource source) {
        this(engine, source, r -> LOG.warn("event rejected: {}", r));
    }

    /**
     * One round: waits up to {@code timeout} for records, applies them as one batch and acknowledges them.
     *
     * @param timeout how long to wait for records
     * @return what the batch did (empty when nothing came); rejections include the records that were not valid events
     * @throws CustflowException if the engine or its store fails (nothing of the round is acknowledged)
     */
    public BatchResult pumpOnce(Duration timeout) {
        List<SourceRecord> records = source.poll(timeout);
        if (records.isEmpty()) {
            return new BatchResult(List.of(), List.of(), 0, 0);
        }
        List<dev.custflow.event.Event> events = new ArrayList<>(records.size());
        List<String> originOf = new ArrayList<>(records.size()); // each event's, by its place in events
        List<Rejection> rejections = new ArrayList<>();
        for (SourceRecord r : records) {
            try {
                if (!r.readable()) {
                    throw new EventRejectedException(0, null, null, null, null, r.problem());
                }
                events.add(Json.readEvent(r.json()));
                originOf.add(r.origin());
            } catch (EventRejectedException x) {
                Rejection rejection = Rejection.of(x);
                rejections.add(rejection);
                onRejected.accept(new Rejected(r.origin(), rejection));
            }
        }
        BatchResult result = events.isEmpty() ? new BatchResult(List.of(), List.of(), 0, 0) : engine.acceptAll(events);
        if (!result.rejections().isEmpty()) {
            // The origins of each event id in poll order: the engine rejects the occurrences of an id before the first
            // it accepts (later ones are duplicates), in order, so each rejection takes the next origin of its id.
            // Built only when the engine rejected something: a map entry and a queue per event were 7 % of W1 JSON.
            Map<String, ArrayDeque<String>> originsOf = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                originsOf.computeIfAbsent(events.get(i).id(), id -> new ArrayDeque<>(2)).add(originOf.get(i));
            }
            for (Rejection r : result.rejections()) {
                rejections.add(r);
                ArrayDeque<String> origins = originsOf.get(r.eventId());
                String origin = origins == null ? "?" : origins.size() > 1 ? origins.poll() : origins.peek();
                onRejected.accept(new Rejected(origin, r));
            }
        }
        source.acknowledge();
        return new BatchResult(result.actions(), rejections, result.accepted(), result.duplicates());
    }

    /**
     * Pumps until {@link #stop()} is called or the thread is interrupted. An engine or store failure ends the loop
     * with its exception, leaving the unacknowledged records in the source.
     *
     * @param pollTimeout how long each poll waits
     */
    public void run(Duration pollTimeout) {
        stopped = false;
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            pumpOnce(pollTimeout);
        }
    }

    /** Ends {@link #run} after the round in progress. */
    public void stop() {
        stopped = true;
    }

    /** Stops and closes the source (not the engine, which the host owns). */
    @Override
    public void close() {
        stop();
        source.close();
    }
}
