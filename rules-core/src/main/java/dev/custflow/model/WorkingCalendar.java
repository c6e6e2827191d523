package dev.custflow.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When a team or a rep works: hours for each day of the week (one or more spans a day, e.g. 09:00-12:00 and
 * 13:30-18:00), a time zone, public holidays and adjusted working days (调休), and dated exceptions of its own.
 * Immutable. Deadlines that count working time ("respond within 5 working minutes") are computed with
 * {@link #plusWorking}: a lead captured on Saturday at 23:00 is due on Monday at 09:05.
 *
 * <p>Which hours a date has, first match wins: a dated exception of this calendar; a public holiday (closed); an
 * adjusted working day (the hours of the first weekday, Monday to Friday, that has any); the weekly hours.
 */
public final class WorkingCalendar {
    private static final int DAY = 24 * 60;

    /**
     * An open span within one day, from {@code startMinute} (inclusive) to {@code endMinute} (exclusive), in
     * minutes after midnight local time; 1440 is 24:00.
     *
     * @param startMinute opening, 0 to 1439
     * @param endMinute   closing, after the opening, at most 1440
     */
    public record Span(int startMinute, int endMinute) {
        /** Checks the span lies within one day and is not empty. */
        public Span {
            if (startMinute < 0 || endMinute > DAY || startMinute >= endMinute) {
                throw new IllegalArgumentException("span '" + text(startMinute) + "-" + text(endMinute) + "' must "
                        + "open before it closes within one day, e.g. 09:00-18:00 (a night shift is two spans, "
                        + "22:00-24:00 and 00:00-06:00)");
            }
        }

        /**
         * @param text a span like {@code 09:00-18:00}; {@code 24:00} closes at midnight
         * @return the span
         * @throws IllegalArgumentException if the text is not such a span, naming it
         */
        public static Span parse(String text) {
            String t = Objects.requireNonNull(text, "text").strip();
            int dash = t.indexOf('-');
            if (dash < 0) {
                throw new IllegalArgumentException("span '" + text + "' is not like 09:00-18:00");
            }
            return new Span(minute(t.substring(0, dash), text), minute(t.substring(dash + 1), text));
        }

        private static int minute(String hhmm, String span) {
            String s = hhmm.strip();
            int colon = s.indexOf(':');
            try {
                int h = Integer.parseInt(s.substring(0, colon));
                int m = Integer.parseInt(s.substring(colon + 1));
                if (colon > 0 && h >= 0 && m >= 0 && m < 60 && h * 60 + m <= DAY) {
                    return h * 60 + m;
                }
            } catch (RuntimeException e) {
                // reported below
            }
            throw new IllegalArgumentException("span '" + span + "': '" + s + "' is not a time like 09:00 (00:00 to "
                    + "24:00)");
        }

        private static String text(int minute) {
            return String.format("%02d:%02d", minute / 60, minute % 60);
        }

        /** @return the span as settings write it, e.g. {@code 09:00-18:00} */
        @Override
        public String toString() {
            return text(startMinute) + "-" + text(endMinute);
        }
    }

    private final ZoneId zone;
    private final EnumMap<DayOfWeek, List<Span>> week;
    private final PublicHolidays holidays;
    private final TreeMap<LocalDate, List<Span>> exceptions;
    private final List<Span> adjustedDayHours;

    private WorkingCalendar(Builder b) {
        this.zone = b.zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        b.week.forEach((d, spans) -> week.put(d, spans));
        this.holidays = b.holidays;
        this.exceptions = new TreeMap<>(b.exceptions);
        List<Span> adjusted = List.of();
        for (DayOfWeek d = DayOfWeek.MONDAY; d != DayOfWeek.SATURDAY; d = d.plus(1)) {
            if (!hours(d).isEmpty()) {
                adjusted = hours(d);
                break;
            }
        }
        this.adjustedDayHours = adjusted;
    }

    /**
     * @param zone the time zone the hours are in
     * @return a builder of a calendar with no hours yet
     */
    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    /**
     * @param zone     the time zone
     * @param holidays the public holidays it keeps
     * @return office hours: Monday to Friday 09:00-18:00, closed on public holidays, open on adjusted working days
     */
    public static WorkingCalendar officeHours(ZoneId zone, PublicHolidays holidays) {
        return builder(zone).hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, List.of(new Span(9 * 60, 18 * 60)))
                .holidays(holidays).build();
    }

    /**
     * @param zone the time zone
     * @return a calendar that is always open: working time is clock time
     */
    public static WorkingCalendar aroundTheClock(ZoneId zone) {
        return builder(zone).hours(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, List.of(new Span(0, DAY))).build();
    }

    /** @return the time zone of the hours */
    public ZoneId zone() {
        return zone;
    }

    /**
     * @param day a day of the week
     * @return its weekly hours, earliest first; empty when closed
     */
    public List<Span> hours(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    /** @return the dated exceptions of this calendar; an empty list closes the day */
    public Map<LocalDate, List<Span>> exceptions() {
        return Collections.unmodifiableMap(exceptions);
    }

    /** @return the public holidays and adjusted working days it keeps */
    public PublicHolidays holidays() {
        return holidays;
    }

    /**
     * @param date a local date
     * @return the open spans of that date, earliest first; empty when closed
     */
    public List<Span> hoursOn(LocalDate date) {
        List<Span> own = exceptions.get(date);
        if (own != null) {
            return own;
        }
        PublicHolidays.Day h = holidays.on(date).orElse(null);
        if (h != null) {
            return h.kind() == PublicHolidays.Kind.HOLIDAY ? List.of() : adjustedDayHours;
        }
        return hours(date.getDayOfWeek());
    }

    /**
     * @param t an instant
     * @return true if {@code t} lies in an open span (openings are inside, closings outside)
     */
    public boolean isOpen(Instant t) {
        LocalDate d = t.atZone(zone).toLocalDate();
        for (Span s : hoursOn(d)) {
            if (!t.isBefore(start(d, s)) && t.isBefore(end(d, s))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param t an instant
     * @return {@code t} if the calendar is open then, else the next opening after it
     */
    public Instant nextOpening(Instant t) {
        return plusWorking(t, Duration.ofMillis(1)).minusMillis(1);
    }

    /**
     * Adds working time: the instant at which {@code amount} of open time has passed since {@code t}. Closed
     * time does not count, so 5 minutes from Saturday 23:00 is Monday 09:05 in office hours (or the next
     * adjusted working day). A result that falls on a closing is that closing (17:55 plus 5 minutes is 18:00).
     *
     * @param t      where to start
     * @param amount open time to add, not negative; zero gives {@code t}
     * @return the instant the working time runs out
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public Instant plusWorking(Instant t, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return t;
        }
        long left = amount.toMillis();
        LocalDate d = t.atZone(zone).toLocalDate();
        while (true) {
            for (Span s : hoursOn(d)) {
                Instant end = end(d, s);
                if (!end.isAfter(t)) {
                    continue;
                }
                Instant from = max(start(d, s), t);
                long open = end.toEpochMilli() - from.toEpochMilli();
                if (left <= open) {
                    return from.plusMillis(left);
                }
                left -= open;
            }
            d = d.plusDays(1); // ends: the weekly hours have an open span, and only finitely many days differ
        }
    }

    /**
     * @param from an instant
     * @param to   a later instant
     * @return the open time between them; zero if {@code to} is not after {@code from}
     */
    public Duration workingBetween(Instant from, Instant to) {
        long total = 0;
        LocalDate d = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        while (!d.isAfter(last)) {
            for (Span s : hoursOn(d)) {
                Instant a = max(start(d, s), from);
                Instant b = min(end(d, s), to);
                if (b.isAfter(a)) {
                    total += b.toEpochMilli() - a.toEpochMilli();
                }
            }
            d = d.plusDays(1);
        }
        return Duration.ofMillis(total);
    }

    private Instant start(LocalDate d, Span s) {
        return local(d, s.startMinute());
    }

    private Instant end(LocalDate d, Span s) {
        return s.endMinute() == DAY ? d.plusDays(1).atStartOfDay(zone).toInstant() : local(d, s.endMinute());
    }

    /** Local wall time, so a daylight-saving day still opens at 09:00 (a time in a gap moves forward). */
    private Instant local(LocalDate d, int minute) {
        return d.atTime(minute / 60, minute % 60).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar c && c.zone.equals(zone) && c.week.equals(week)
                && c.holidays.equals(holidays) && c.exceptions.equals(exceptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, week, holidays, exceptions);
    }

    @Override
    public String toString() {
        return "WorkingCalendar{" + zone + ", " + week + ", " + holidays + ", " + exceptions.size() + " exceptions}";
    }

    /** Builds a {@link WorkingCalendar}; every setter checks its value at once. */
    public static final class Builder {
        private final ZoneId zone;
        private final EnumMap<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        private PublicHolidays holidays = PublicHolidays.none();
        private final TreeMap<LocalDate, List<Span>> exceptions = new TreeMap<>();

        private Builder(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        /**
         * @param from  the first day, e.g. MONDAY
         * @param to    the last day, e.g. FRIDAY (it may wrap: SATURDAY to SUNDAY)
         * @param spans the open spans of each of those days; empty closes them
         * @return this
         * @throws IllegalArgumentException if spans overlap
         */
        public Builder hours(DayOfWeek from, DayOfWeek to, List<Span> spans) {
            List<Span> checked = checked(spans);
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                week.put(d, checked);
                if (d == to) {
                    return this;
                }
            }
        }

        /**
         * @param holidays public holidays (closed) and adjusted working days (open) to keep
         * @return this
         */
        public Builder holidays(PublicHolidays holidays) {
            this.holidays = Objects.requireNonNull(holidays, "holidays");
            return this;
        }

        /**
         * @param date  a day that differs from the weekly hours and the public holidays
         * @param spans its open spans; empty closes the day
         * @return this
         * @throws IllegalArgumentException if spans overlap
         */
        public Builder on(LocalDate date, List<Span> spans) {
            exceptions.put(Objects.requireNonNull(date, "date"), checked(spans));
            return this;
        }

        /**
         * @return the calendar
         * @throws IllegalArgumentException if no day of the week has open hours: deadlines would never come
         */
        public WorkingCalendar build() {
            if (week.values().stream().allMatch(List::isEmpty)) {
                throw new IllegalArgumentException("no day of the week has open hours, so working time would "
                        + "never pass; give at least one day hours, e.g. MONDAY-FRIDAY: [09:00-18:00]");
            }
            return new WorkingCalendar(this);
        }

        private static List<Span> checked(List<Span> spans) {
            List<Span> sorted = new ArrayList<>(spans);
            sorted.sort((a, b) -> Integer.compare(a.startMinute(), b.startMinute()));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).startMinute() < sorted.get(i - 1).endMinute()) {
                    throw new IllegalArgumentException("spans " + sorted.get(i - 1) + " and " + sorted.get(i)
                            + " overlap; list each open time once");
                }
            }
            return List.copyOf(sorted);
        }
    }
}
