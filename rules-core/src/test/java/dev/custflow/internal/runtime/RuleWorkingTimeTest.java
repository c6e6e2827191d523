package dev.custflow.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.RepUpdated;
import dev.custflow.internal.packs.Calendars;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.profile.RepRecord;
import dev.custflow.settings.Settings;
import dev.custflow.testdata.Customers;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workingTime global: the calendar of a customer's owner, found through the owner's team. */
class RuleWorkingTimeTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant FRIDAY_EVENING = LocalDateTime.parse("2025-03-14T19:00").atZone(SHANGHAI).toInstant();

    private static RuleWorkingTime workingTime() {
        Settings s = Settings.builder().set("calendars.teams", Map.of("SUPPORT", "around-the-clock")).build();
        RepRecord rep = new RepRecord("s1");
        rep.apply(new RepUpdated("r", FRIDAY_EVENING, "s1", null, "SUPPORT", null, List.of(), null, null, null));
        return new RuleWorkingTime(Calendars.of(s), Map.of("s1", rep));
    }

    @Test
    void aCustomerWithoutOwner_countsOnTheDefaultCalendar() {
        CustomerRecord c = Customers.lead("C1", FRIDAY_EVENING);
        assertThat(workingTime().plus(c, FRIDAY_EVENING, 5))
                .isEqualTo(LocalDateTime.parse("2025-03-17T09:05").atZone(SHANGHAI).toInstant());
        assertThat(workingTime().plusHours(c, FRIDAY_EVENING, 9))
                .isEqualTo(LocalDateTime.parse("2025-03-17T18:00").atZone(SHANGHAI).toInstant());
    }

    @Test
    void anOwnersTeamCalendar_counts() {
        CustomerRecord c = Customers.lead("C1", FRIDAY_EVENING);
        c.ownerId("s1");
        assertThat(workingTime().plus(c, FRIDAY_EVENING, 5)).isEqualTo(FRIDAY_EVENING.plusSeconds(300));
    }
}
