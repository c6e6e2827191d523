package dev.custflow.examples;

import dev.custflow.action.Action;
import dev.custflow.event.Event;
import java.time.Instant;
import java.util.List;
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

    /**
     * A history that reacts to the engine (simulated reps calling the leads they are given) needs the engine's
     * actions before it goes on: the demo runs the events read so far when this says so.
     *
     * @param event the event just read from {@link #events()}
     * @return true when the engine must run the events read so far before the next one is read
     */
    default boolean awaitsActions(Event event) {
        return false;
    }

    /**
     * The engine's actions for the events read so far (a history that reacts plans its next events from them).
     *
     * @param actions  the actions, in order
     * @param readUpTo the time of the last event read
     */
    default void heard(List<Action> actions, Instant readUpTo) {
    }

    /**
     * @param locale the report's language: zh-CN or en
     * @return sentences the report prints under the lead assignment table: how the history's reps behave
     */
    default List<String> assignmentNotes(java.util.Locale locale) {
        return List.of();
    }
}
