package dev.custflow.internal.packs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.settings.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which calendar a rep keeps: the rep's own, else the team's, else the default. */
class CalendarsTest {
    private static final Settings SETTINGS = Settings.builder().merge("""
            {"calendars": {"defined": {"late": {"hours": {"MON-FRI": ["12:00-21:00"]}}},
                           "teams": {"South": "late"}, "reps": {"r7": "around-the-clock"}}}""").build();
    private static final Calendars CALENDARS = Calendars.of(SETTINGS);
    private static final Map<String, dev.custflow.model.WorkingCalendar> BY_NAME = SETTINGS.calendars().resolve(SETTINGS.timeZone(), dev.custflow.model.PublicHolidays.cnMainland());

    @Test
    void theRepsOwnCalendar_winsOverTheTeams() {
        assertThat(CALENDARS.forRep("r7", "SOUTH")).isEqualTo(BY_NAME.get("around-the-clock"));
    }

    @Test
    void aTeamsCalendar_isFoundWhateverTheCaseOfTheTeam() {
        assertThat(CALENDARS.forRep("r1", "SOUTH")).isEqualTo(BY_NAME.get("late"));
        assertThat(CALENDARS.forRep("r1", "south")).isEqualTo(BY_NAME.get("late"));
    }

    @Test
    void everyoneElse_keepsTheDefault() {
        assertThat(CALENDARS.forRep("r1", "EAST")).isEqualTo(BY_NAME.get("office"));
        assertThat(CALENDARS.forRep(null, null)).isEqualTo(CALENDARS.standard()).isEqualTo(BY_NAME.get("office"));
    }
}
