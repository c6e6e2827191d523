package dev.custflow.internal.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A weekly moment in the business's time zone, and whether a step of the clock passed it: the window (from, to]. */
class WeeklyTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static long t(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** Monday 08:00 in Shanghai, which is Monday 00:00 UTC; 2024-03-04 is a Monday. */
    private static Weekly mondayMorning() {
        return new Weekly(SHANGHAI, DayOfWeek.MONDAY, LocalTime.of(8, 0));
    }

    @Test
    void weekly_theFirstStep_crossesNothing_andWaitsForTheNextMoment() {
        Weekly w = mondayMorning();
        assertThat(w.next()).isEqualTo(Long.MIN_VALUE);
        assertThat(w.crossed(Long.MIN_VALUE, t("2024-03-04T00:00:00Z"))).isZero(); // even on the moment itself
        assertThat(w.next()).isEqualTo(t("2024-03-11T00:00:00Z"));
    }

    @Test
    void weekly_aStepReachingTheMomentExactly_crossesIt() {
        Weekly w = mondayMorning();
        w.crossed(Long.MIN_VALUE, t("2024-03-03T12:00:00Z"));
        assertThat(w.crossed(t("2024-03-03T12:00:00Z"), t("2024-03-03T23:59:59.999Z"))).isZero();
        assertThat(w.crossed(t("2024-03-03T23:59:59.999Z"), t("2024-03-04T00:00:00Z")))
                .isEqualTo(t("2024-03-04T00:00:00Z"));
        assertThat(w.crossed(t("2024-03-04T00:00:00Z"), t("2024-03-05T00:00:00Z"))).isZero(); // not twice
    }

    @Test
    void weekly_aStepOverSeveralWeeks_returnsTheLatestMomentPassed() {
        Weekly w = mondayMorning();
        w.crossed(Long.MIN_VALUE, t("2024-03-01T00:00:00Z"));
        assertThat(w.crossed(t("2024-03-01T00:00:00Z"), t("2024-03-20T00:00:00Z")))
                .isEqualTo(t("2024-03-18T00:00:00Z"));
        assertThat(w.next()).isEqualTo(t("2024-03-25T00:00:00Z"));
    }

    @Test
    void weekly_aMomentInTheSpringForwardGap_movesAsTheZoneDoes() {
        // 02:30 on 31 March 2024 does not exist in Berlin: the clocks jump from 02:00 to 03:00 (01:00 UTC)
        Weekly w = new Weekly(ZoneId.of("Europe/Berlin"), DayOfWeek.SUNDAY, LocalTime.of(2, 30));
        w.crossed(Long.MIN_VALUE, t("2024-03-30T00:00:00Z"));
        assertThat(w.next()).isEqualTo(t("2024-03-31T01:30:00Z")); // 03:30 summer time
        assertThat(w.crossed(t("2024-03-30T00:00:00Z"), t("2024-03-31T01:30:00Z")))
                .isEqualTo(t("2024-03-31T01:30:00Z"));
    }

    @Test
    void weekly_restoredNextMoment_isTheOneWaitedFor() {
        Weekly w = mondayMorning();
        w.next(t("2024-03-11T00:00:00Z"));
        assertThat(w.crossed(t("2024-03-10T00:00:00Z"), t("2024-03-11T06:00:00Z")))
                .isEqualTo(t("2024-03-11T00:00:00Z"));
    }
}
