package dev.custflow.examples.internal;

import dev.custflow.examples.RunProgress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The events a run has replayed, out of the total it will replay, told to a {@link RunProgress} as they add up
 * (from any thread: the what-if's two replays add to one count).
 */
public final class ProgressCount implements LongConsumer {
    private final RunProgress to;
    private final long total;
    private final AtomicLong done = new AtomicLong();

    /**
     * Tells {@code to} at once that nothing is done yet, so a bar shows (and its clock runs) while the run still
     * compiles its rules.
     *
     * @param to    who is told
     * @param total the events the run will replay
     */
    public ProgressCount(RunProgress to, long total) {
        this.to = to;
        this.total = total;
        to.reached(0, total);
    }

    /** @param events more events replayed; told in order, so the count told never goes back */
    @Override
    public synchronized void accept(long events) {
        to.reached(Math.min(total, done.addAndGet(events)), total);
    }

    /** Tells that the run is over: the count reaches the total even if a planned replay was not needed. */
    public synchronized void finish() {
        long left = total - done.get();
        if (left > 0) {
            accept(left);
        }
    }

    /** @return the events replayed so far */
    public long done() {
        return done.get();
    }
}
