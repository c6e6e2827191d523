package dev.custflow.insights;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Objects;

/**
 * One period a KPI figure is for: its granularity and its first and last day (inclusive), in the business's time
 * zone.
 *
 * @param granularity day, week, month or quarter
 * @param first       the first day of the period
 * @param last        the last day of the period
 */
public record Period(Granularity granularity, LocalDate first, LocalDate last) implements Comparable<Period> {

    /** Checks that the period is whole: {@code first} and {@code last} start and end one period. */
    public Period {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (!start(granularity, first).equals(first) || !end(granularity, first).equals(last)) {
            throw new IllegalArgumentException("not a whole " + granularity + ": " + first + ".." + last);
        }
    }

    /**
     * @param granularity the length of the period
     * @param day         any day in it
     * @return the period of that granularity the day falls in
     */
    public static Period of(Granularity granularity, LocalDate day) {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(day, "day");
        return new Period(granularity, start(granularity, day), end(granularity, day));
    }

    private static LocalDate start(Granularity granularity, LocalDate day) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
        };
    }

    private static LocalDate end(Granularity granularity, LocalDate day) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> start(granularity, day).plusDays(6);
            case MONTH -> day.withDayOfMonth(day.lengthOfMonth());
            case QUARTER -> start(granularity, day).plusMonths(3).minusDays(1);
        };
    }

    /** @return the period after this one, of the same granularity */
    public Period next() {
        return of(granularity, last.plusDays(1));
    }

    /** @return the period before this one, of the same granularity */
    public Period previous() {
        return of(granularity, first.minusDays(1));
    }

    /**
     * @param day a day
     * @return true if the day falls in this period
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /**
     * @return a stable label that sorts in time order: {@code 2026-03-05}, {@code 2026-W10} (ISO week-based year),
     *         {@code 2026-03}, {@code 2026-Q1}
     */
    public String label() {
        return switch (granularity) {
            case DAY -> first.toString();
            case WEEK -> String.format("%d-W%02d", first.get(IsoFields.WEEK_BASED_YEAR),
                    first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", first.getYear(), first.getMonthValue());
            case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
        };
    }

    @Override
    public int compareTo(Period o) {
        int c = granularity.compareTo(o.granularity);
        return c != 0 ? c : first.compareTo(o.first);
    }

    @Override
    public String toString() {
        return label();
    }
}
