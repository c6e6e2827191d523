package dev.custflow.examples.internal;

import dev.custflow.event.Event;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Interleaves the actors' events into one stream in time order. Ties are broken by actor rank and
 * index, never by chance, so a seed always gives the same stream. Events after the end are
 * dropped: the actors plan beyond it without knowing where it is.
 */
public final class EventMerger implements Iterator<Event> {
    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::at)
            .thenComparingInt(e -> e.actor().rank()).thenComparingInt(e -> e.actor().index());

    /** An actor with the time it was queued at; an actor's time changes only while it is out of the queue. */
    private record Entry(long at, Actor actor) {
    }

    private final PriorityQueue<Entry> queue;
    private final Map<Actor, Entry> queued = new IdentityHashMap<>();
    private final long end;

    /**
     * @param actors the actors
     * @param end    epoch millis; events after it are dropped
     */
    public EventMerger(List<? extends Actor> actors, long end) {
        this.queue = new PriorityQueue<>(Math.max(1, actors.size()), ORDER);
        this.end = end;
        for (Actor a : actors) {
            offer(a);
        }
    }

    private void offer(Actor a) {
        long at = a.nextAt();
        if (at <= end) {
            Entry e = new Entry(at, a);
            queue.add(e);
            queued.put(a, e);
        }
    }

    /**
     * Takes an actor's new plans into account: one that plans in reply to what happened (reps answering the leads
     * the engine gave them) may have something earlier than it had, or something after having had nothing.
     *
     * @param a an actor of this merger
     */
    public void replan(Actor a) {
        Entry e = queued.remove(a);
        if (e != null) {
            queue.remove(e);
        }
        offer(a);
    }

    @Override
    public boolean hasNext() {
        return !queue.isEmpty();
    }

    @Override
    public Event next() {
        Entry e = queue.poll();
        if (e == null) {
            throw new NoSuchElementException();
        }
        queued.remove(e.actor());
        Event event = e.actor().next();
        offer(e.actor());
        return event;
    }
}
