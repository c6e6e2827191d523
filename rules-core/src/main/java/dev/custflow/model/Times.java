package dev.custflow.model;

import java.time.Instant;

/**
 * Compact time units of the fact model. Histories keep instants as epoch minutes in an {@code int}
 * (half the memory of millis, exact enough for rules that count days); instants the rules read
 * often (last order, stage since) stay in epoch millis.
 */
public final class Times {
    /** Milliseconds in a day. */
    public static final long DAY_MILLIS = 86_400_000L;
    /** Minutes in a day. */
    public static final int DAY_MINUTES = 1_440;
    /** One minute in milliseconds: the resolution of the compact histories. */
    public static final long MINUTE_MILLIS = 60_000L;
    /** Marks "never" in a millisecond field. */
    public static final long NEVER = Long.MIN_VALUE;

    private Times() {
    }

    /** @param millis epoch millis @return epoch minutes */
    public static int minute(long millis) {
        return (int) Math.floorDiv(millis, 60_000L);
    }

    /** @param minute epoch minutes @return epoch millis */
    public static long millis(int minute) {
        return minute * 60_000L;
    }

    /** @param millis epoch millis or {@link #NEVER} @return the instant, or null for never */
    public static Instant instant(long millis) {
        return millis == NEVER ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * @param from earlier epoch millis
     * @param to   later epoch millis
     * @return whole days from {@code from} to {@code to} (rounded down)
     */
    public static int daysBetween(long from, long to) {
        return (int) Math.floorDiv(to - from, DAY_MILLIS);
    }
}
