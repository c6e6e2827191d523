package dev.custflow.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.model.PublicHolidays;
import dev.custflow.model.WorkingCalendar;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calendars settings: defaults, calendars of one's own, and errors that name the key. */
class CalendarSettingsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static java.time.Instant local(String t) {
        return LocalDateTime.parse(t).atZone(SHANGHAI).toInstant();
    }

    private static Map<String, WorkingCalendar> calendars(Settings s) {
        return s.calendars().resolve(s.timeZone(), PublicHolidays.cnMainland());
    }

    @Test
    void byDefault_everyoneKeepsOfficeHoursWithMainlandHolidays() {
        Map<String, WorkingCalendar> all = calendars(Settings.ofDefaults());
        assertThat(all).containsOnlyKeys("office", "around-the-clock");
        WorkingCalendar office = all.get(Settings.ofDefaults().calendars().defaultCalendar());
        assertThat(office.isOpen(local("2025-10-03T10:00"))).isFalse();
        assertThat(office.isOpen(local("2025-10-11T10:00"))).isTrue();
        assertThat(office.zone()).isEqualTo(SHANGHAI);
    }

    @Test
    void aCalendarOfOnesOwn_hasTwoSpansADayAndExceptions() {
        Settings s = Settings.builder().merge("""
                {"calendars": {"defined": {"late-shift": {"timeZone": "Asia/Shanghai",
                   "hours": {"MON-FRI": ["12:00-15:00", "16:00-21:00"], "SATURDAY": ["10:00-16:00"]},
                   "holidays": false, "exceptions": {"2025-10-01": []}}},
                 "teams": {"KEY_ACCOUNTS": "late-shift"}, "reps": {"east7": "around-the-clock"}}}""").build();
        WorkingCalendar late = calendars(s).get("late-shift");
        assertThat(late.isOpen(local("2025-10-01T13:00"))).isFalse(); // its own exception
        assertThat(late.isOpen(local("2025-10-02T13:00"))).isTrue(); // it does not keep the holidays
        assertThat(late.plusWorking(local("2025-10-02T14:58"), Duration.ofMinutes(5)))
                .isEqualTo(local("2025-10-02T16:03"));
        assertThat(s.calendars().teams()).containsEntry("KEY_ACCOUNTS", "late-shift");
    }

    @Test
    void unknownCalendarNames_areRefusedNamingTheKey() {
        assertThatThrownBy(() -> Settings.builder().set("calendars.teams.EAST", "ofice").build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'calendars.teams.EAST' = ofice: no calendar by that name. Did you "
                        + "mean 'office'?");
        assertThatThrownBy(() -> Settings.builder().set("calendars.defaultCalendar", "night").build())
                .hasMessageContaining("'calendars.defaultCalendar' = night");
        assertThatThrownBy(() -> Settings.builder().set("calendars.reps.east7", "night").build())
                .hasMessageContaining("'calendars.reps.east7' = night");
    }

    @Test
    void badSpansAndDays_areRefusedNamingTheKey() {
        assertThatThrownBy(() -> Settings.builder().merge("""
                {"calendars": {"defined": {"x": {"hours": {"MON-FRI": ["18:00-09:00"]}}}}}""").build())
                .hasMessageContaining("'calendars.defined.x.hours.MON-FRI' = 18:00-09:00");
        assertThatThrownBy(() -> Settings.builder().merge("""
                {"calendars": {"defined": {"x": {"hours": {"MON-FRY": ["09:00-18:00"]}}}}}""").build())
                .hasMessageContaining("'calendars.defined.x.hours' = MON-FRY: 'FRY' is not a day of the week");
        assertThatThrownBy(() -> Settings.builder().merge("""
                {"calendars": {"defined": {"x": {"hours": {"MON": ["09:00-12:00", "11:00-18:00"]}}}}}""").build())
                .hasMessageContaining("'calendars.defined.x.hours.MON'").hasMessageContaining("overlap");
        assertThatThrownBy(() -> Settings.builder().merge("""
                {"calendars": {"defined": {"x": {"hours": {}}}}}""").build())
                .hasMessageContaining("'calendars.defined.x.hours'").hasMessageContaining("never pass");
        assertThatThrownBy(() -> Settings.builder().merge("""
                {"calendars": {"defined": {"x": {"exceptions": {"31/12/2025": []}}}}}""").build())
                .hasMessageContaining("'calendars.defined.x.exceptions' = 31/12/2025");
    }

    @Test
    void aSettingsValue_readsNoFile_soAMissingOneFailsWhenAnEngineIsBuilt() {
        Settings s = Settings.builder().set("calendars.holidays", List.of("no-such.csv")).build();
        assertThat(s.calendars().holidays()).containsExactly("no-such.csv");
        assertThatThrownBy(() -> Settings.builder().set("calendars.holidays", List.of(" ")).build())
                .hasMessageContaining("'calendars.holidays'");
    }
}
