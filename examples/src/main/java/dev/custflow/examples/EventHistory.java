package dev.custflow.examples;

import dev.custflow.event.Event;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A stretch of a company's history as events in time order, for the {@link Demo}: a
 * {@link CompanySimulator simulated company} or a real purchase history ({@link CdnowHistory}).
 */
public interface EventHistory {

    /** @return one line saying what this history is, for the report's title */
    String description();

    /** @return when the history starts (no event is earlier) */
    Instant from();

    /** @return when it ends (no event is later; the last clock tick may be at this instant) */
    Instant to();

    /**
     * The events in time order, read or generated as the stream is consumed. Every call starts
     * again from the beginning and yields the same events. Close the stream when done with it.
     *
     * @return the events
     */
    Stream<Event> events();
}
