package dev.custflow.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aDay_fallsInOnePeriodOfEachGranularity_labelledToSortInTimeOrder() {
        LocalDate day = LocalDate.of(2027, 1, 2); // ISO week 53 of 2026
        assertThat(Period.of(Granularity.DAY, day).label()).isEqualTo("2027-01-02");
        assertThat(Period.of(Granularity.WEEK, day).label()).isEqualTo("2026-W53");
        assertThat(Period.of(Granularity.WEEK, day).first()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(Period.of(Granularity.MONTH, day).last()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(Period.of(Granularity.QUARTER, LocalDate.of(2026, 11, 5)).label()).isEqualTo("2026-Q4");
        assertThat(Period.of(Granularity.QUARTER, LocalDate.of(2026, 11, 5)).next().label()).isEqualTo("2027-Q1");
        assertThat(Period.of(Granularity.MONTH, day).previous().label()).isEqualTo("2026-12");
    }

    @Test
    void aPeriodThatIsNotWhole_isRefused() {
        assertThatThrownBy(() -> new Period(Granularity.MONTH, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-03-02");
    }
}
