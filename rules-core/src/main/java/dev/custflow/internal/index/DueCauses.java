package dev.custflow.internal.index;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The cause of a wake-up by the due-time index, {@code due@} and the due instant as {@link Instant#toString} writes
 * it: written by hand rather than by {@code Instant.toString} (a date-time formatter, about 5 % of W2's daily tick),
 * with the date of the last day kept, and the last cause kept for the customers due at the same instant. The text is
 * part of every woken customer's action ids, so it is exactly {@code "due@" + Instant.ofEpochMilli(due)}. One per
 * partition (not thread-safe).
 */
public final class DueCauses {
    private static final long DAY = 86_400_000L;
    /** The first instant of the year 10000: from there on {@code Instant.toString} writes a sign. */
    private static final long YEAR_10000 = 253_402_300_800_000L;

    private long lastDue = Long.MIN_VALUE;
    private String last;
    private long day = Long.MIN_VALUE;
    private String dayText;

    /** @return {@code "due@" + Instant.ofEpochMilli(due)} */
    public String of(long due) {
        if (due == lastDue) {
            return last;
        }
        String text;
        if (due < 0 || due >= YEAR_10000) {
            text = "due@" + Instant.ofEpochMilli(due); // before 1970 or after 9999: rare, left to the JDK
        } else {
            long d = due / DAY;
            if (d != day) {
                day = d;
                dayText = "due@" + LocalDate.ofEpochDay(d) + 'T';
            }
            int ms = (int) (due % DAY);
            int seconds = ms / 1000;
            int millis = ms % 1000;
            char[] time = new char[millis == 0 ? 9 : 13];
            two(time, 0, seconds / 3600);
            time[2] = ':';
            two(time, 3, seconds / 60 % 60);
            time[5] = ':';
            two(time, 6, seconds % 60);
            if (millis != 0) { // Instant.toString writes the milliseconds only when there are some
                time[8] = '.';
                time[9] = (char) ('0' + millis / 100);
                time[10] = (char) ('0' + millis / 10 % 10);
                time[11] = (char) ('0' + millis % 10);
            }
            time[time.length - 1] = 'Z';
            text = dayText.concat(new String(time));
        }
        lastDue = due;
        last = text;
        return text;
    }

    private static void two(char[] to, int at, int value) {
        to[at] = (char) ('0' + value / 10);
        to[at + 1] = (char) ('0' + value % 10);
    }
}
