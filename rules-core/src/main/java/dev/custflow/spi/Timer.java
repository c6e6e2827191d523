package dev.custflow.spi;

import java.time.Instant;

/**
 * Wakes a live engine when its earliest time rule falls due, so that the rule fires at its time without the host
 * sending ticks. The engine asks for one wake-up at a time: each call replaces the one asked before, and the
 * engine asks again after every call it handles, so the wake-up always follows the earliest due time.
 *
 * <p>{@link Timers#system} is the timer of a live host; a test drives its own (see the guide). An engine built
 * with a timer owns it and closes it when it is closed.
 */
public interface Timer extends AutoCloseable {
    /**
     * @param at   when to wake the engine, or null for no wake-up (nothing is due)
     * @param wake what to run then, once, on a thread of the timer's (a time that has already passed runs at once)
     */
    void wakeAt(Instant at, Runnable wake);

    /** Cancels the wake-up asked for and stops the timer. */
    @Override
    void close();
}
