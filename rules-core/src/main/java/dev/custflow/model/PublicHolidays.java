package dev.custflow.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Public holidays and adjusted working days (调休) of one country or company, as dated entries: a holiday
 * closes the office for the day, a workday opens a weekend day. Immutable.
 *
 * <p>The library ships mainland China's days as announced by the State Council ({@link #cnMainland()}, the
 * resource {@code dev/custflow/calendars/cn-mainland.csv}); a host replaces or extends them with CSV files of
 * its own in the same form:
 * <pre>
 * # comment lines and blank lines are skipped
 * date,kind,name_zh,name_en
 * 2025-10-01,holiday,国庆节,National Day
 * 2025-10-11,workday,国庆节调休上班,National Day (adjusted working day)
 * </pre>
 */
public final class PublicHolidays {
    /** The name of the built-in mainland China days, as settings write it. */
    public static final String CN_MAINLAND = "cn-mainland";
    private static final String CN_RESOURCE = "/dev/custflow/calendars/cn-mainland.csv";
    private static final PublicHolidays NONE = new PublicHolidays(new TreeMap<>());
    private static volatile PublicHolidays cn;

    /** What a dated entry does to the day. */
    public enum Kind {
        /** A public holiday: the office is closed all day, whatever its weekly hours say. */
        HOLIDAY,
        /** An adjusted working day (调休): a weekend day worked in exchange for a holiday. */
        WORKDAY
    }

    /**
     * One dated entry.
     *
     * @param date   the day
     * @param kind   holiday or working day
     * @param nameZh the name in Chinese, e.g. 国庆节
     * @param nameEn the name in English, e.g. National Day
     */
    public record Day(LocalDate date, Kind kind, String nameZh, String nameEn) {
        /** Checks that every part is given. */
        public Day {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(kind, "kind");
            nameZh = nameZh == null ? "" : nameZh;
            nameEn = nameEn == null ? "" : nameEn;
        }
    }

    private final TreeMap<LocalDate, Day> days;

    private PublicHolidays(TreeMap<LocalDate, Day> days) {
        this.days = days;
    }

    /** @return no holidays at all: every day follows the weekly hours */
    public static PublicHolidays none() {
        return NONE;
    }

    /**
     * @return mainland China's public holidays and adjusted working days for the years in {@link #years()} (2024
     *         to 2026 in this release)
     */
    public static PublicHolidays cnMainland() {
        PublicHolidays c = cn;
        if (c == null) {
            try (InputStream in = PublicHolidays.class.getResourceAsStream(CN_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + CN_RESOURCE + " is missing from the jar");
                }
                c = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), CN_MAINLAND + ".csv");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + CN_RESOURCE, e);
            }
            cn = c;
        }
        return c;
    }

    /**
     * Reads days in the CSV form {@code date,kind,name_zh,name_en}, kind {@code holiday} or {@code workday}.
     *
     * @param csv    the text
     * @param source where it came from, for error messages (a file name)
     * @return the days
     * @throws IllegalArgumentException naming the source, line and value of a bad date, an unknown kind, a
     *                                  missing column or a date listed twice
     */
    public static PublicHolidays parse(String csv, String source) {
        Objects.requireNonNull(csv, "csv");
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        List<String> lines = csv.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(i).startsWith("\uFEFF") ? lines.get(i).substring(1) : lines.get(i);
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#") || line.toLowerCase(Locale.ROOT).startsWith("date,")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            String[] cols = line.split(",", -1);
            if (cols.length < 2) {
                throw new IllegalArgumentException(where + "expected 'date,kind,name_zh,name_en', found '" + line
                        + "'");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cols[0].strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + "'" + cols[0].strip() + "' is not a date like 2025-10-01");
            }
            Kind kind = switch (cols[1].strip().toLowerCase(Locale.ROOT)) {
                case "holiday" -> Kind.HOLIDAY;
                case "workday" -> Kind.WORKDAY;
                default -> throw new IllegalArgumentException(where + "kind '" + cols[1].strip()
                        + "' is neither 'holiday' (closed) nor 'workday' (an adjusted working day, 调休)");
            };
            Day day = new Day(date, kind, cols.length > 2 ? cols[2].strip() : "", cols.length > 3 ? cols[3].strip() : "");
            if (days.put(date, day) != null) {
                throw new IllegalArgumentException(where + date + " is listed twice");
            }
        }
        return new PublicHolidays(days);
    }

    /**
     * @param more days that add to or override these (a company's own holidays over the public ones)
     * @return both, {@code more} winning where both list a date
     */
    public PublicHolidays with(PublicHolidays more) {
        if (more.days.isEmpty()) {
            return this;
        }
        TreeMap<LocalDate, Day> all = new TreeMap<>(days);
        all.putAll(more.days);
        return new PublicHolidays(all);
    }

    /**
     * @param date a day
     * @return the entry for it, or empty when the day follows the weekly hours
     */
    public Optional<Day> on(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    /** @return every entry, by date */
    public Map<LocalDate, Day> days() {
        return Collections.unmodifiableMap(days);
    }

    /** @return the years with at least one entry; other years follow the weekly hours alone */
    public SortedSet<Integer> years() {
        TreeSet<Integer> y = new TreeSet<>();
        days.keySet().forEach(d -> y.add(d.getYear()));
        return Collections.unmodifiableSortedSet(y);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicHolidays p && p.days.equals(days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return "PublicHolidays{" + days.size() + " days, years " + years() + "}";
    }
}
