package dev.custflow.insights.internal;

import dev.custflow.insights.Granularity;
import dev.custflow.insights.Period;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A cell's key in one long: scope (21 bits), dimension value (24 bits), granularity (2 bits), period number
 * (17 bits). Periods are numbered from 1900-01-01 (a Monday, so weeks are whole), which covers 1900 to 2258.
 */
final class Keys {
    static final int SCOPE_LIMIT = 1 << 21;
    static final int VALUE_LIMIT = 1 << 24;
    static final int PERIOD_LIMIT = 1 << 17;
    private static final LocalDate ORIGIN = LocalDate.of(1900, 1, 1);
    private static final long ORIGIN_DAY = ORIGIN.toEpochDay();

    private Keys() {
    }

    static long key(int scope, int value, int granularity, int period) {
        return ((long) scope << 43) | ((long) value << 19) | ((long) granularity << 17) | period;
    }

    /** @return the number of the period of that granularity the day falls in */
    static int period(Granularity g, LocalDate day) {
        int n = switch (g) {
            case DAY -> (int) (day.toEpochDay() - ORIGIN_DAY);
            case WEEK -> (int) Math.floorDiv(day.toEpochDay() - ORIGIN_DAY, 7);
            case MONTH -> (day.getYear() - 1900) * 12 + day.getMonthValue() - 1;
            case QUARTER -> (day.getYear() - 1900) * 4 + (day.getMonthValue() - 1) / 3;
        };
        if (n < 0 || n >= PERIOD_LIMIT) {
            throw new IllegalArgumentException("The KPI book counts days from 1900-01-01 to 2258; " + day
                    + " is outside.");
        }
        return n;
    }

    /** @return the period with that number */
    static Period period(Granularity g, int n) {
        LocalDate day = switch (g) {
            case DAY -> ORIGIN.plusDays(n);
            case WEEK -> ORIGIN.plusWeeks(n);
            case MONTH -> ORIGIN.plusMonths(n);
            case QUARTER -> ORIGIN.plusMonths(3L * n);
        };
        return Period.of(g, day);
    }

    /** @return days between two days (for the sales cycle) */
    static long days(LocalDate a, LocalDate b) {
        return ChronoUnit.DAYS.between(a, b);
    }
}
