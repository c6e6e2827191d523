package dev.custflow.test;

import dev.custflow.spi.Timer;
import java.time.Instant;
import java.util.Optional;

/**
 * A timer that wakes the engine only when the test says so: with a {@link ManualClock}, a test of a live engine
 * sees when the engine asked to be woken, moves the clock there and fires, without sleeping.
 */
public final class ManualTimer implements Timer {
    private Instant at;
    private Runnable wake;
    private boolean closed;

    @Override
    public synchronized void wakeAt(Instant at, Runnable wake) {
        this.at = at;
        this.wake = at == null ? null : wake;
    }

    /** @return when the engine asked to be woken, if it asked */
    public synchronized Optional<Instant> armedAt() {
        return Optional.ofNullable(at);
    }

    /**
     * Runs the wake-up the engine asked for, as the timer's thread would at that time (on the caller's thread).
     *
     * @throws IllegalStateException if no wake-up is pending
     */
    public void fire() {
        Runnable w;
        synchronized (this) {
            if (wake == null) {
                throw new IllegalStateException("no wake-up is pending");
            }
            w = wake;
            wake = null;
            at = null;
        }
        w.run();
    }

    /** @return whether the engine closed the timer */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        at = null;
        wake = null;
    }
}
