package dev.custflow.model;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/** Counts in rolling windows of event times (epoch minutes, ascending). */
final class Windows {
    private Windows() {
    }

    /** Counts entries at or after {@code sinceMinute}. */
    static int countSince(IntArrayList l, int sinceMinute) {
        if (l == null) {
            return 0;
        }
        int n = 0;
        for (int i = l.size() - 1; i >= 0 && l.get(i) >= sinceMinute; i--) {
            n++;
        }
        return n;
    }

    /**
     * @return when fewer than {@code min} entries will remain within the last {@code days} days at the clock
     *         {@code now} if none is added, or null when there are already fewer
     */
    static java.time.Instant belowAt(IntArrayList times, long now, int days, int min) {
        if (times == null || countSince(times, Times.minute(now - days * Times.DAY_MILLIS)) < min) {
            return null;
        }
        // the min-th most recent one leaving the window brings the count below min
        return java.time.Instant.ofEpochMilli(Times.millis(times.get(times.size() - min)) + days * Times.DAY_MILLIS
                + Times.MINUTE_MILLIS);
    }
}
