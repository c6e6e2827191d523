package dev.custflow.properties;

import dev.custflow.model.PublicHolidays;
import dev.custflow.model.WorkingCalendar;
import dev.custflow.model.WorkingCalendar.Span;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Working calendars with one or two spans on some days, mainland China's holidays or none, and instants in 2024-2026. */
final class CalendarArbitraries {
    private static final Instant START = Instant.parse("2023-12-25T00:00:00Z");
    private static final Instant END = Instant.parse("2027-01-01T00:00:00Z");

    private CalendarArbitraries() {
    }

    static Arbitrary<WorkingCalendar> calendars() {
        Arbitrary<List<Span>> day = Arbitraries.integers().between(0, 1439).list().ofMinSize(0).ofMaxSize(4)
                .map(CalendarArbitraries::spans);
        return Combinators.combine(day.list().ofSize(7), Arbitraries.of(true, false),
                Arbitraries.of("Asia/Shanghai", "Europe/Berlin", "UTC"), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 900)).as((week, holidays, zone, openDay, closedOn) -> {
                    WorkingCalendar.Builder b = WorkingCalendar.builder(ZoneId.of(zone));
                    for (int i = 0; i < 7; i++) {
                        DayOfWeek d = DayOfWeek.of(i + 1);
                        List<Span> spans = week.get(i).isEmpty() && i == openDay ? List.of(new Span(540, 1080))
                                : week.get(i);
                        b.hours(d, d, spans);
                    }
                    b.on(LocalDate.of(2024, 1, 1).plusDays(closedOn), List.of());
                    return b.holidays(holidays ? PublicHolidays.cnMainland() : PublicHolidays.none()).build();
                });
    }

    /** Sorted distinct cut points taken in pairs: open spans that neither overlap nor touch. */
    private static List<Span> spans(List<Integer> cuts) {
        List<Integer> sorted = cuts.stream().distinct().sorted().toList();
        List<Span> out = new ArrayList<>();
        for (int i = 0; i + 1 < sorted.size(); i += 2) {
            out.add(new Span(sorted.get(i), sorted.get(i + 1) == 1439 ? 1440 : sorted.get(i + 1)));
        }
        return out;
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(START.getEpochSecond(), END.getEpochSecond()).map(Instant::ofEpochSecond);
    }

    static Arbitrary<Duration> durations() {
        return Arbitraries.longs().between(0, 60 * 24 * 20).map(Duration::ofMinutes);
    }
}
