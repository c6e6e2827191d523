package dev.custflow.insights.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each method on series small enough to work out by hand (docs/forecast.md, "Methods"). */
class ForecastMethodTest {

    @Test
    void lastMonth_isTheLastMonth() {
        assertThat(ForecastMethod.LAST_MONTH.forecastNext(new double[] {5, 9, 7})).isEqualTo(7);
    }

    @Test
    void trailingMean_averagesTheLastThreeMonths_orFewerWhileThereAreFewer() {
        assertThat(ForecastMethod.TRAILING_MEAN_3.forecastNext(new double[] {100, 3, 6, 9})).isEqualTo(6);
        assertThat(ForecastMethod.TRAILING_MEAN_3.forecastNext(new double[] {4, 8})).isEqualTo(6);
    }

    @Test
    void seasonalNaive_takesTheSameMonthAYearBefore_andTheLastMonthWithLessThanAYear() {
        double[] year = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
        assertThat(ForecastMethod.SEASONAL_NAIVE.forecastNext(year)).isEqualTo(2); // month 14 is like month 2
        assertThat(ForecastMethod.SEASONAL_NAIVE.forecastNext(new double[] {1, 2, 3})).isEqualTo(3);
    }

    @Test
    void exponentialSmoothing_withLessThanSixMonths_isTheLastMonth() {
        assertThat(ForecastMethod.EXPONENTIAL_SMOOTHING.forecastNext(new double[] {10, 50, 20, 40, 30}))
                .isEqualTo(30);
    }

    @Test
    void exponentialSmoothing_onASteadyTrend_followsItFully() {
        // any alpha below 1 lags the trend and errs more, so alpha is 1: the last month
        assertThat(ForecastMethod.EXPONENTIAL_SMOOTHING.forecastNext(new double[] {10, 20, 30, 40, 50, 60}))
                .isCloseTo(60, within(1e-9));
    }

    @Test
    void exponentialSmoothing_whenEveryAlphaErrsAlike_takesTheSmoothest() {
        // only the jump of the last month is a surprise, the same for every alpha: 0.05 wins, 0 + 0.05 * 100
        assertThat(ForecastMethod.EXPONENTIAL_SMOOTHING.forecastNext(new double[] {0, 0, 0, 0, 0, 100}))
                .isCloseTo(5, within(1e-9));
    }

    @Test
    void exponentialSmoothing_onAFlatSeries_isItsLevel() {
        assertThat(ForecastMethod.EXPONENTIAL_SMOOTHING.forecastNext(new double[] {7, 7, 7, 7, 7, 7, 7}))
                .isCloseTo(7, within(1e-9));
    }

    @Test
    void holt_extendsALinearTrend() {
        assertThat(ForecastMethod.HOLT_TREND.forecastNext(new double[] {10, 20, 30, 40, 50})).isCloseTo(60,
                within(1e-9));
    }

    @Test
    void holt_neverForecastsBelowZero() {
        // the trend of -20 a month would give -10
        assertThat(ForecastMethod.HOLT_TREND.forecastNext(new double[] {50, 30, 10})).isZero();
    }

    @Test
    void holt_withFewerThanThreeMonths_isTheLastMonth() {
        assertThat(ForecastMethod.HOLT_TREND.forecastNext(new double[] {10, 20})).isEqualTo(20);
    }

    @Test
    void everyMethod_needsAMonthOfHistory_andFiniteValues() {
        for (ForecastMethod m : ForecastMethod.values()) {
            assertThatThrownBy(() -> m.forecastNext(new double[0])).hasMessageContaining("at least one month");
        }
        assertThatThrownBy(() -> ForecastMethod.LAST_MONTH.forecastNext(new double[] {1, Double.NaN}))
                .hasMessageContaining("month 2 of the history is NaN");
    }
}
