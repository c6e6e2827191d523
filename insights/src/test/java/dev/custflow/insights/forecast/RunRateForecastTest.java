package dev.custflow.insights.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The backtest: each month forecast from the months before, next to what happened (docs/forecast.md). */
class RunRateForecastTest {
    private static final YearMonth JAN = YearMonth.of(2025, 1);

    private static SortedMap<YearMonth, BigDecimal> series(int... revenue) {
        SortedMap<YearMonth, BigDecimal> s = new TreeMap<>();
        for (int i = 0; i < revenue.length; i++) {
            s.put(JAN.plusMonths(i), BigDecimal.valueOf(revenue[i]));
        }
        return s;
    }

    @Test
    void backtest_forecastsEachMonthFromTheOnesBefore_andAveragesTheErrors() {
        Backtest b = RunRateForecast.backtest(series(100, 200, 100, 50), ForecastMethod.LAST_MONTH, 1);

        assertThat(b.months()).extracting(MonthForecast::month).containsExactly(JAN.plusMonths(1),
                JAN.plusMonths(2), JAN.plusMonths(3));
        assertThat(b.months()).extracting(MonthForecast::forecast).containsExactly(new BigDecimal("100.00"),
                new BigDecimal("200.00"), new BigDecimal("100.00"));
        assertThat(b.months()).extracting(MonthForecast::ape).containsExactly(50.0, 100.0, 100.0);
        assertThat(b.mape()).isCloseTo(250.0 / 3, within(1e-9));
        assertThat(b.scoredMonths()).isEqualTo(3);
        assertThat(b.nextMonth()).isEqualTo(JAN.plusMonths(4));
        assertThat(b.next()).isEqualByComparingTo("50");
    }

    @Test
    void backtest_byDefault_startsScoringWithTheFourthMonth() {
        Backtest b = RunRateForecast.backtest(series(3, 6, 9, 12, 15), ForecastMethod.TRAILING_MEAN_3);

        assertThat(b.months()).extracting(MonthForecast::month).containsExactly(JAN.plusMonths(3), JAN.plusMonths(4));
        assertThat(b.months()).extracting(MonthForecast::forecast).containsExactly(new BigDecimal("6.00"),
                new BigDecimal("9.00"));
    }

    @Test
    void aMissingMonth_hadNoRevenue_andIsNotScored() {
        SortedMap<YearMonth, BigDecimal> s = new TreeMap<>();
        s.put(JAN, new BigDecimal("100"));
        s.put(JAN.plusMonths(2), new BigDecimal("50"));

        Backtest b = RunRateForecast.backtest(s, ForecastMethod.LAST_MONTH, 1);

        MonthForecast february = b.months().get(0);
        assertThat(february.actual()).isZero();
        assertThat(february.scored()).isFalse();
        assertThat(b.months().get(1).forecast()).isEqualByComparingTo("0"); // March from a February of nothing
        assertThat(b.mape()).isEqualTo(100.0);
        assertThat(b.scoredMonths()).isEqualTo(1);
    }

    @Test
    void forecast_ofOneMonth_usesTheMonthsBeforeIt() {
        assertThat(RunRateForecast.forecast(series(10, 20, 30, 40), JAN.plusMonths(2), ForecastMethod.LAST_MONTH))
                .isEqualByComparingTo("20");
        assertThat(RunRateForecast.forecast(series(10, 20, 30, 40), JAN.plusMonths(4), ForecastMethod.LAST_MONTH))
                .isEqualByComparingTo("40");
    }

    @Test
    void forecast_outsideTheSeries_saysWhatCanBeForecast() {
        assertThatThrownBy(() -> RunRateForecast.forecast(series(10, 20), JAN, ForecastMethod.LAST_MONTH))
                .hasMessageContaining("runs from 2025-01 to 2025-02; 2025-01 cannot be forecast");
        assertThatThrownBy(() -> RunRateForecast.forecast(series(10, 20), JAN.plusMonths(3),
                ForecastMethod.LAST_MONTH)).hasMessageContaining("2025-04 cannot be forecast");
        assertThatThrownBy(() -> RunRateForecast.backtest(new TreeMap<>(), ForecastMethod.LAST_MONTH))
                .hasMessageContaining("empty");
        SortedMap<YearMonth, BigDecimal> newestFirst = new TreeMap<>(java.util.Comparator.reverseOrder());
        newestFirst.putAll(series(10, 20));
        assertThatThrownBy(() -> RunRateForecast.backtest(newestFirst, ForecastMethod.LAST_MONTH))
                .hasMessageContaining("sorted oldest first (its first month, 2025-02, is after its last, 2025-01)");
    }

    @Test
    void compare_scoresEveryMethodOnTheSameMonths() {
        List<Backtest> all = RunRateForecast.compare(series(1, 2, 3, 4, 5, 6, 7), 2);

        assertThat(all).extracting(Backtest::method).containsExactly(ForecastMethod.values());
        assertThat(all).allSatisfy(b -> assertThat(b.months()).extracting(MonthForecast::month)
                .containsExactlyElementsOf(all.get(0).months().stream().map(MonthForecast::month).toList()));
    }
}
