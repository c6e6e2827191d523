package dev.custflow.examples.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Converts simulation days and local hours to instants in the company's time zone, so that
 * business hours and daily ticks fall where a local sales team would see them.
 */
public final class Timeline {
    private final LocalDate start;
    private final ZoneId zone;
    private final int days;
    /** Local midnight of each day, epoch millis; one beyond the end for the last tick. */
    private final long[] midnights;

    /**
     * @param start the first day
     * @param days  the number of days simulated
     * @param zone  the company's time zone
     */
    public Timeline(LocalDate start, int days, ZoneId zone) {
        this.start = start;
        this.zone = zone;
        this.days = days;
        this.midnights = new long[days + 1];
        for (int d = 0; d <= days; d++) {
            midnights[d] = start.plusDays(d).atStartOfDay(zone).toInstant().toEpochMilli();
        }
    }

    /** @return the number of days simulated */
    public int days() {
        return days;
    }

    /** @return the company's time zone */
    public ZoneId zone() {
        return zone;
    }

    /**
     * @param day a day, 0 for the first (may lie beyond the end)
     * @return its local midnight in epoch millis
     */
    public long midnight(int day) {
        return day >= 0 && day <= days ? midnights[day]
                : start.plusDays(day).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /**
     * @param day  a day
     * @param hour local time of day in hours (9.5 is 09:30), whole minutes kept
     * @return that moment in epoch millis
     */
    public long at(int day, double hour) {
        return midnight(day) + Math.round(hour * 60) * 60_000L;
    }

    /** @return the end of the simulation: local midnight after the last day, epoch millis */
    public long end() {
        return midnights[days];
    }

    /**
     * @param millis an instant in epoch millis
     * @return the simulation day it falls on in local time (negative before the start, {@code >= days} after the end)
     */
    public int dayOf(long millis) {
        return (int) ChronoUnit.DAYS.between(start, localTime(millis).toLocalDate());
    }

    /**
     * @param millis an instant in epoch millis
     * @return the local date and time in the company's zone
     */
    public LocalDateTime localTime(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
    }
}
