package dev.custflow.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one spelling of times that nearly every event has ({@code 2025-01-06T09:00:00Z}, as the engine writes them),
 * read without {@code DateTimeFormatter} (which builds a formatter and a map of fields per call: a third of reading
 * an event). Anything else, offsets, lower case, leap seconds, white space, more digits, returns null and is left to
 * the general parser ({@link Instants#parseOrNull}, which tries this first); where both read a text they read the
 * same time. For readers that must be fast on the common case and exact on every other: the engine's JSON, a
 * broker connector's look at an event's time.
 */
public final class IsoTimes {
    private IsoTimes() {
    }

    /** @return the instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a valid date and time, else null */
    public static Instant utcOrNull(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || s.charAt(n - 1) != 'Z') {
            return null;
        }
        LocalDate date = dateAtStart(s);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n == 21) {
                return null;
            }
            for (int i = 20; i < 29; i++) {
                int d = i < n - 1 ? digit(s.charAt(i)) : 0;
                if (d < 0) {
                    return null;
                }
                nanos = nanos * 10 + d;
            }
        }
        long seconds = date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** @return the date of {@code yyyy-MM-dd} when it exists, else null */
    public static LocalDate dateOrNull(String s) {
        return s.length() == 10 ? dateAtStart(s) : null;
    }

    private static LocalDate dateAtStart(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException noSuchDay) {
            return null;
        }
    }

    /** @return the value of {@code count} ASCII digits from {@code from}, or -1 */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = digit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }
}
