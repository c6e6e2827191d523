package dev.custflow.settings;

import dev.custflow.model.PublicHolidays;
import dev.custflow.model.WorkingCalendar;
import dev.custflow.model.WorkingCalendar.Span;
import dev.custflow.text.Suggest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working calendars: when reps work, so that the first-response SLA and the ticket reminders count working time
 * and leads are offered to reps who are at work. A rep's calendar is the one named for the rep ({@code reps}),
 * else for the rep's team ({@code teams}), else {@code defaultCalendar}.
 *
 * <p>Two calendars are built in and may be redefined: {@value #OFFICE} (Monday to Friday 09:00-18:00 in the
 * engine's {@code timeZone}, closed on the public holidays, open on adjusted working days) and
 * {@value #AROUND_THE_CLOCK} (always open).
 *
 * @param holidays        public holidays and adjusted working days (调休): {@code cn-mainland} (built in, 2024 to
 *                        2026) and/or paths of CSV files in the same form, read when an engine is built; a later
 *                        one overrides an earlier one on the same date; empty: none (default [cn-mainland])
 * @param defaultCalendar the calendar of reps with none of their own (default office)
 * @param defined         calendars by name, beside the built-in ones (default none)
 * @param teams           team to calendar name (default none)
 * @param reps            rep id to calendar name, over the team's (default none)
 */
public record CalendarSettings(List<String> holidays, String defaultCalendar, Map<String, Calendar> defined,
                               Map<String, String> teams, Map<String, String> reps) {
    /** The built-in office hours. */
    public static final String OFFICE = "office";
    /** The built-in calendar that never closes. */
    public static final String AROUND_THE_CLOCK = "around-the-clock";

    /**
     * One named calendar, as a settings file writes it:
     * {@code {hours: {MONDAY-FRIDAY: ["09:00-12:00", "13:30-18:00"]}, exceptions: {"2025-12-31": []}}}.
     *
     * @param timeZone   the zone of its hours; empty: the engine's {@code timeZone}
     * @param hours      day or day range (MONDAY, MONDAY-FRIDAY, MON-FRI) to open spans; days not named are closed;
     *                   a later key overrides an earlier one for its days (default MONDAY-FRIDAY 09:00-18:00)
     * @param holidays   whether it keeps {@code calendars.holidays} (default true)
     * @param exceptions dated days of its own (2025-12-31) to open spans; [] closes the day (default none)
     */
    public record Calendar(ZoneId timeZone, Map<String, List<String>> hours, Boolean holidays,
                           Map<String, List<String>> exceptions) {
        /** Fills what was left out with defaults. */
        public Calendar {
            hours = hours == null ? Map.of("MONDAY-FRIDAY", List.of("09:00-18:00")) : new LinkedHashMap<>(hours);
            holidays = holidays == null ? Boolean.TRUE : holidays;
            exceptions = exceptions == null ? Map.of() : new TreeMap<>(exceptions);
        }
    }

    /** Validates the names and spans, and fills what was left out with defaults. */
    public CalendarSettings {
        holidays = holidays == null ? List.of(PublicHolidays.CN_MAINLAND) : List.copyOf(holidays);
        defaultCalendar = defaultCalendar == null || defaultCalendar.isBlank() ? OFFICE : defaultCalendar.strip();
        defined = defined == null ? Map.of() : new TreeMap<>(defined);
        teams = teams == null ? Map.of() : new TreeMap<>(teams);
        reps = reps == null ? Map.of() : new TreeMap<>(reps);
        Set<String> names = new TreeSet<>(defined.keySet());
        names.add(OFFICE);
        names.add(AROUND_THE_CLOCK);
        known("calendars.defaultCalendar", defaultCalendar, names);
        teams.forEach((team, name) -> known("calendars.teams." + team, name, names));
        reps.forEach((rep, name) -> known("calendars.reps." + rep, name, names));
        defined.forEach((name, c) -> build(name, c, ZoneId.of("UTC"), PublicHolidays.none()));
        for (String h : holidays) {
            if (h == null || h.isBlank()) {
                throw new InvalidSettingsException("calendars.holidays", h, "an empty entry; name cn-mainland or a "
                        + "CSV file");
            }
        }
    }

    /** @return the defaults: office hours with mainland China's holidays for everyone */
    public static CalendarSettings ofDefaults() {
        return new CalendarSettings(null, null, null, null, null);
    }

    /**
     * Builds every calendar. Reading the holiday files is the engine's part (a settings value reads no files, so
     * a rule cannot make one read a file either).
     *
     * @param engineZone the engine's {@code timeZone}, for calendars that name none
     * @param days       the days {@link #holidays()} names, read
     * @return every calendar by name, the built-in ones included
     */
    public Map<String, WorkingCalendar> resolve(ZoneId engineZone, PublicHolidays days) {
        Map<String, WorkingCalendar> out = new TreeMap<>();
        out.put(OFFICE, WorkingCalendar.officeHours(engineZone, days));
        out.put(AROUND_THE_CLOCK, WorkingCalendar.aroundTheClock(engineZone));
        defined.forEach((name, c) -> out.put(name, build(name, c, engineZone, days)));
        return out;
    }

    private static void known(String key, String name, Set<String> names) {
        if (name == null || !names.contains(name)) {
            throw new InvalidSettingsException(key, name, "no calendar by that name" + Suggest.closest(
                    String.valueOf(name), names).map(s -> ". Did you mean '" + s + "'?").orElse("")
                    + "; the calendars are " + names + " (define more under calendars.defined)");
        }
    }

    private static WorkingCalendar build(String name, Calendar c, ZoneId engineZone, PublicHolidays days) {
        String key = "calendars.defined." + name;
        WorkingCalendar.Builder b = WorkingCalendar.builder(c.timeZone() == null ? engineZone : c.timeZone());
        c.hours().forEach((dayKey, spans) -> {
            DayOfWeek[] range = days(key + ".hours", dayKey);
            b.hours(range[0], range[1], spans(key + ".hours." + dayKey, spans));
        });
        c.exceptions().forEach((date, spans) -> {
            LocalDate d;
            try {
                d = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidSettingsException(key + ".exceptions", date, "not a date like 2025-12-31");
            }
            b.on(d, spans(key + ".exceptions." + date, spans));
        });
        if (c.holidays()) {
            b.holidays(days);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(key + ".hours", null, e.getMessage());
        }
    }

    private static List<Span> spans(String key, List<String> texts) {
        List<Span> out = new ArrayList<>();
        for (String t : texts == null ? List.<String>of() : texts) {
            try {
                out.add(Span.parse(t));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(key, t, e.getMessage());
            }
        }
        out.sort((a, b) -> Integer.compare(a.startMinute(), b.startMinute()));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).startMinute() < out.get(i - 1).endMinute()) {
                throw new InvalidSettingsException(key, texts, "spans " + out.get(i - 1) + " and " + out.get(i)
                        + " overlap; list each open time once");
            }
        }
        return out;
    }

    private static DayOfWeek[] days(String key, String text) {
        String[] parts = text.strip().toUpperCase(Locale.ROOT).split("\\s*-\\s*");
        if (parts.length > 2) {
            throw new InvalidSettingsException(key, text, "not a day or a range of days like MONDAY-FRIDAY");
        }
        DayOfWeek from = day(key, text, parts[0]);
        return new DayOfWeek[] {from, parts.length == 2 ? day(key, text, parts[1]) : from};
    }

    private static DayOfWeek day(String key, String text, String part) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(part) || d.name().substring(0, 3).equals(part)) {
                return d;
            }
        }
        throw new InvalidSettingsException(key, text, "'" + part + "' is not a day of the week; write MONDAY or MON, "
                + "and a range as MONDAY-FRIDAY");
    }
}
