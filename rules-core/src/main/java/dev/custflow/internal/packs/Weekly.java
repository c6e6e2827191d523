package dev.custflow.internal.packs;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** A weekly moment in the business's time zone (Monday 08:00...) and whether a clock step passed it. */
public final class Weekly {
    private final ZoneId zone;
    private final DayOfWeek day;
    private final LocalTime time;
    private long next = Long.MIN_VALUE;

    Weekly(ZoneId zone, DayOfWeek day, LocalTime time) {
        this.zone = zone;
        this.day = day;
        this.time = time;
    }

    /**
     * @param from the clock before a step ({@code Long.MIN_VALUE} before the first event)
     * @param to   the clock after it
     * @return the latest weekly moment in {@code (from, to]}, or 0 when none falls in it
     */
    public long crossed(long from, long to) {
        if (next == Long.MIN_VALUE) {
            next = after(from == Long.MIN_VALUE ? to : from);
        }
        long crossed = 0;
        while (next <= to) {
            crossed = next;
            next = after(next);
        }
        return crossed;
    }

    /** @return the next weekly moment it waits for, or {@code Long.MIN_VALUE} before the first step */
    public long next() {
        return next;
    }

    /** @return the next weekly moment a clock step will pass, or {@code Long.MAX_VALUE} before the first step */
    public long upcoming() {
        return next == Long.MIN_VALUE ? Long.MAX_VALUE : next;
    }

    /** @param value what {@link #next()} returned (restoring a snapshot) */
    public void next(long value) {
        this.next = value;
    }

    private long after(long t) {
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(zone);
        ZonedDateTime d = z.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(zone);
        if (!d.toInstant().isAfter(z.toInstant())) {
            d = d.plusWeeks(1);
        }
        return d.toInstant().toEpochMilli();
    }
}
