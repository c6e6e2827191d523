package dev.custflow.test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/** A clock that moves only when told to: for tests of wall-clock mode that never sleep. */
public final class ManualClock implements InstantSource {
    private volatile Instant now;

    /** @param start the starting time */
    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant instant() {
        return now;
    }

    /**
     * @param d how far to move
     * @return the new time
     */
    public Instant advance(Duration d) {
        now = now.plus(d);
        return now;
    }

    /** @param t the new time */
    public void set(Instant t) {
        now = Objects.requireNonNull(t, "t");
    }
}
