package dev.custflow.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.insights.Granularity;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void periodNumbers_roundTripToTheirPeriods() {
        LocalDate day = LocalDate.of(2026, 3, 4); // a Wednesday
        for (Granularity g : Granularity.values()) {
            assertThat(Keys.period(g, Keys.period(g, day)).contains(day)).as(g.name()).isTrue();
        }
        assertThat(Keys.period(Granularity.WEEK, Keys.period(Granularity.WEEK, day)).first())
                .isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(Keys.period(Granularity.QUARTER, Keys.period(Granularity.QUARTER, day)).label())
                .isEqualTo("2026-Q1");
    }

    @Test
    void neighbouringDaysOfOnePeriod_shareItsNumber() {
        assertThat(Keys.period(Granularity.WEEK, LocalDate.of(2026, 3, 2)))
                .isEqualTo(Keys.period(Granularity.WEEK, LocalDate.of(2026, 3, 8)))
                .isEqualTo(Keys.period(Granularity.WEEK, LocalDate.of(2026, 3, 9)) - 1);
        assertThat(Keys.period(Granularity.MONTH, LocalDate.of(2026, 12, 31)) + 1)
                .isEqualTo(Keys.period(Granularity.MONTH, LocalDate.of(2027, 1, 1)));
    }

    @Test
    void keys_neverCollideAcrossTheirParts() {
        Set<Long> keys = new HashSet<>();
        int[] scopes = {0, 1, Keys.SCOPE_LIMIT - 1};
        int[] values = {0, 1, Keys.VALUE_LIMIT - 1};
        int[] periods = {0, 1, Keys.PERIOD_LIMIT - 1};
        for (int s : scopes) {
            for (int v : values) {
                for (int g = 0; g < 4; g++) {
                    for (int p : periods) {
                        keys.add(Keys.key(s, v, g, p));
                    }
                }
            }
        }
        assertThat(keys).hasSize(3 * 3 * 4 * 3);
    }

    @Test
    void daysOutsideTheKeysRange_areRefusedWithTheDay() {
        assertThatThrownBy(() -> Keys.period(Granularity.DAY, LocalDate.of(1899, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1899-12-31");
    }
}
