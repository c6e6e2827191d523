package dev.custflow.examples.internal;

import dev.custflow.event.Event;

/**
 * One participant of the simulated company that produces its own events in time order: the
 * calendar's clock, the sales organisation, or one customer. {@link EventMerger} interleaves them.
 */
public abstract class Actor {
    /** No more events. */
    public static final long DONE = Long.MAX_VALUE;

    private final int rank;
    private final int index;

    /**
     * @param rank  order among actors at the same instant (lower first): ticks, then the company, then customers
     * @param index order among actors of the same rank at the same instant
     */
    protected Actor(int rank, int index) {
        this.rank = rank;
        this.index = index;
    }

    /** @return when the next event happens (epoch millis), or {@link #DONE} */
    public abstract long nextAt();

    /**
     * Produces the event due at {@link #nextAt()} and moves on.
     *
     * @return the event
     */
    public abstract Event next();

    final int rank() {
        return rank;
    }

    final int index() {
        return index;
    }
}
