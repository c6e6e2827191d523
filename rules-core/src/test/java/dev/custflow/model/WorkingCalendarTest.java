package dev.custflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.model.WorkingCalendar.Span;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Working calendars: office hours in Shanghai with mainland China's holidays and adjusted working days. */
class WorkingCalendarTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar OFFICE = WorkingCalendar.officeHours(SHANGHAI, PublicHolidays.cnMainland());
    /** Two spans a day with a lunch break. */
    private static final WorkingCalendar LUNCH = WorkingCalendar.builder(SHANGHAI)
            .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, List.of(Span.parse("09:00-12:00"), Span.parse("13:30-18:00")))
            .holidays(PublicHolidays.cnMainland()).build();

    private static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(SHANGHAI).toInstant();
    }

    private static String shanghai(Instant t) {
        return t.atZone(SHANGHAI).toLocalDateTime().toString();
    }

    @ParameterizedTest(name = "{0} plus {1} working minutes is {2}")
    @CsvSource(textBlock = """
            2025-03-08T23:00, 5,   2025-03-10T09:05
            2025-03-10T08:00, 5,   2025-03-10T09:05
            2025-03-10T10:00, 5,   2025-03-10T10:05
            2025-03-10T17:55, 5,   2025-03-10T18:00
            2025-03-10T17:58, 5,   2025-03-11T09:03
            2025-03-14T17:58, 5,   2025-03-17T09:03
            2025-10-03T10:00, 5,   2025-10-09T09:05
            2025-09-30T17:59, 5,   2025-10-09T09:04
            2025-10-10T18:30, 5,   2025-10-11T09:05
            2025-01-25T23:00, 5,   2025-01-26T09:05
            2025-01-27T18:00, 5,   2025-02-05T09:05
            2026-02-13T18:00, 5,   2026-02-14T09:05
            2026-02-14T18:00, 5,   2026-02-24T09:05
            2025-03-10T09:00, 540, 2025-03-10T18:00
            2025-03-10T09:00, 541, 2025-03-11T09:01
            """)
    void officeHours_countOnlyOpenTime(String from, long minutes, String due) {
        assertThat(shanghai(OFFICE.plusWorking(local(from), Duration.ofMinutes(minutes)))).isEqualTo(due);
    }

    @Test
    void aLunchBreak_doesNotCount() {
        assertThat(shanghai(LUNCH.plusWorking(local("2025-03-10T11:58"), Duration.ofMinutes(5))))
                .isEqualTo("2025-03-10T13:33");
        assertThat(LUNCH.isOpen(local("2025-03-10T12:30"))).isFalse();
        assertThat(LUNCH.workingBetween(local("2025-03-10T08:00"), local("2025-03-10T20:00")))
                .isEqualTo(Duration.ofMinutes(3 * 60 + 4 * 60 + 30));
    }

    @Test
    void anAdjustedWorkingDay_hasTheHoursOfAWeekday() {
        assertThat(LUNCH.hoursOn(LocalDate.parse("2025-02-08"))).containsExactly(Span.parse("09:00-12:00"),
                Span.parse("13:30-18:00"));
        assertThat(OFFICE.isOpen(local("2025-02-08T10:00"))).isTrue(); // a Saturday, 调休
        assertThat(OFFICE.isOpen(local("2025-02-15T10:00"))).isFalse(); // the next Saturday
    }

    @Test
    void isOpen_includesTheOpeningAndExcludesTheClosing() {
        assertThat(OFFICE.isOpen(local("2025-03-10T09:00"))).isTrue();
        assertThat(OFFICE.isOpen(local("2025-03-10T18:00"))).isFalse();
        assertThat(OFFICE.isOpen(local("2025-10-08T10:00"))).isFalse(); // National Day holiday, a Wednesday
    }

    @Test
    void nextOpening_isTheInstantItselfWhenOpen() {
        assertThat(OFFICE.nextOpening(local("2025-03-10T10:00"))).isEqualTo(local("2025-03-10T10:00"));
        assertThat(shanghai(OFFICE.nextOpening(local("2025-03-08T23:00")))).isEqualTo("2025-03-10T09:00");
        assertThat(shanghai(OFFICE.nextOpening(local("2025-03-10T18:00")))).isEqualTo("2025-03-11T09:00");
    }

    @Test
    void workingBetween_isZeroBackwardsAndOverAWeekend() {
        assertThat(OFFICE.workingBetween(local("2025-03-10T10:00"), local("2025-03-10T09:00"))).isZero();
        assertThat(OFFICE.workingBetween(local("2025-03-08T00:00"), local("2025-03-10T00:00"))).isZero();
        assertThat(OFFICE.workingBetween(local("2025-03-14T17:00"), local("2025-03-17T10:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aDatedException_winsOverHolidaysAndTheWeek() {
        WorkingCalendar c = WorkingCalendar.builder(SHANGHAI)
                .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, List.of(Span.parse("09:00-18:00")))
                .holidays(PublicHolidays.cnMainland())
                .on(LocalDate.parse("2025-10-03"), List.of(Span.parse("10:00-12:00"))) // on duty during the holiday
                .on(LocalDate.parse("2025-03-12"), List.of()) // a company day off
                .build();
        assertThat(c.isOpen(local("2025-10-03T11:00"))).isTrue();
        assertThat(c.isOpen(local("2025-03-12T11:00"))).isFalse();
    }

    @Test
    void aroundTheClock_isClockTime() {
        WorkingCalendar c = WorkingCalendar.aroundTheClock(SHANGHAI);
        assertThat(c.plusWorking(local("2025-10-01T23:58"), Duration.ofMinutes(5))).isEqualTo(local("2025-10-02T00:03"));
    }

    @Test
    void aDaylightSavingZone_opensAtLocalNine() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        WorkingCalendar c = WorkingCalendar.officeHours(berlin, PublicHolidays.none());
        Instant monday = c.nextOpening(LocalDateTime.parse("2025-03-29T12:00").atZone(berlin).toInstant());
        assertThat(monday.atZone(berlin).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-03-31T09:00"));
    }

    @Test
    void badSpans_areRefusedNamingThem() {
        assertThatThrownBy(() -> Span.parse("18:00-09:00")).hasMessageContaining("'18:00-09:00'")
                .hasMessageContaining("two spans");
        assertThatThrownBy(() -> Span.parse("9h-18h")).hasMessageContaining("'9h-18h'");
        assertThatThrownBy(() -> Span.parse("09:00-25:00")).hasMessageContaining("'25:00'");
        assertThatThrownBy(() -> WorkingCalendar.builder(SHANGHAI).hours(DayOfWeek.MONDAY, DayOfWeek.MONDAY,
                List.of(Span.parse("09:00-12:00"), Span.parse("11:00-18:00")))).hasMessageContaining("overlap");
        assertThatThrownBy(() -> WorkingCalendar.builder(SHANGHAI).build()).hasMessageContaining("never pass");
        assertThatThrownBy(() -> OFFICE.plusWorking(Instant.EPOCH, Duration.ofMinutes(-1)))
                .hasMessageContaining("negative");
    }

    @Test
    void spans_printAsSettingsWriteThem() {
        assertThat(Span.parse(" 22:00 - 24:00 ")).hasToString("22:00-24:00");
    }
}
