package dev.custflow.internal.packs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.RepUpdated;
import dev.custflow.settings.AssignmentSettings;
import dev.custflow.settings.AssignmentSettings.Route;
import dev.custflow.settings.AssignmentSettings.Strategy;
import dev.custflow.settings.Settings;
import dev.custflow.testdata.Customers;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The desk with working calendars: leads go to reps at work, and response times count working minutes. */
class AssignmentDeskCalendarTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant SATURDAY_NIGHT = local("2025-03-08T23:00");
    private static final AssignmentSettings ROUND_ROBIN = new AssignmentSettings(5, 30, 1, null,
            List.of(Route.always("everyone", Strategy.ROUND_ROBIN)));

    private static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(SHANGHAI).toInstant();
    }

    private static AssignmentDesk desk(Map<String, String> teams, RepUpdated... reps) {
        Settings s = Settings.builder().set("calendars.teams", teams).build();
        AssignmentDesk desk = new AssignmentDesk(ROUND_ROBIN, null, Calendars.of(s));
        for (RepUpdated r : reps) {
            desk.repUpdated(r);
        }
        desk.open();
        return desk;
    }

    private static RepUpdated rep(String id, String team) {
        return new RepUpdated("rep:" + id, SATURDAY_NIGHT, id, id, team, null, List.of(), false, 10, true);
    }

    @Test
    void aRepAtWork_getsTheLead_andOneOffHoursIsSkipped() {
        AssignmentDesk desk = desk(Map.of("NIGHT", "around-the-clock"), rep("a", "OFFICE"), rep("n", "NIGHT"));
        AssignmentDesk.Choice c = desk.assign(Customers.lead("L1", SATURDAY_NIGHT), SATURDAY_NIGHT.toEpochMilli());
        assertThat(c.repId()).isEqualTo("n");
        assertThat(c.explanation()).contains("skipped a (off hours)");
        assertThat(Instant.ofEpochMilli(desk.nextDeadline())).isEqualTo(local("2025-03-08T23:05"));
    }

    @Test
    void whenNobodyIsAtWork_theBestRepGetsTheLead_andTheResponseTimeStartsAtTheNextOpening() {
        AssignmentDesk desk = desk(Map.of(), rep("a", "OFFICE"), rep("b", "OFFICE"));
        AssignmentDesk.Choice c = desk.assign(Customers.lead("L1", SATURDAY_NIGHT), SATURDAY_NIGHT.toEpochMilli());
        assertThat(c.repId()).isEqualTo("a");
        assertThat(c.explanation()).endsWith("nobody who could take it is at work, so the response time starts when a "
                + "next opens (2025-03-10T09:00)");
        assertThat(Instant.ofEpochMilli(desk.nextDeadline())).isEqualTo(local("2025-03-10T09:05"));

        AssignmentDesk.Deadline first = desk.pollDeadline();
        assertThat(desk.workingMinutes(first)).isEqualTo(5);
        assertThat(Instant.ofEpochMilli(desk.nextDeadline())).isEqualTo(local("2025-03-10T09:35"));
        assertThat(desk.workingMinutes(desk.pollDeadline())).isEqualTo(35);
    }

    @Test
    void aDeskWithoutCalendars_countsClockTime() {
        AssignmentDesk desk = new AssignmentDesk(ROUND_ROBIN, null);
        desk.repUpdated(rep("a", null));
        desk.open();
        desk.assign(Customers.lead("L1", SATURDAY_NIGHT), SATURDAY_NIGHT.toEpochMilli());
        assertThat(Instant.ofEpochMilli(desk.nextDeadline())).isEqualTo(local("2025-03-08T23:05"));
    }
}
