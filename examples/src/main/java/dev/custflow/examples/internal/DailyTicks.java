package dev.custflow.examples.internal;

import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import java.time.Instant;

/**
 * A {@link ClockTick} at every local midnight after the first day, up to and including the end, so
 * that time rules (dormancy, no order for 90 days) fire on the day they fall due even when nothing
 * else happens.
 */
public final class DailyTicks extends Actor {
    private final Timeline time;
    private int day = 1;

    /** @param time the calendar */
    public DailyTicks(Timeline time) {
        super(0, 0);
        this.time = time;
    }

    @Override
    public long nextAt() {
        return day <= time.days() ? time.midnight(day) : DONE;
    }

    @Override
    public Event next() {
        long at = time.midnight(day);
        ClockTick tick = new ClockTick("tick-" + time.localTime(at).toLocalDate(), Instant.ofEpochMilli(at));
        day++;
        return tick;
    }
}
