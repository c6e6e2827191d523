package dev.custflow.insights.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** No look-ahead: a month's forecast depends on the months before it and on nothing later. */
class RunRateForecastProperties {
    private static final YearMonth START = YearMonth.of(1997, 1);

    private static SortedMap<YearMonth, BigDecimal> series(List<Integer> cents) {
        SortedMap<YearMonth, BigDecimal> s = new TreeMap<>();
        for (int i = 0; i < cents.size(); i++) {
            s.put(START.plusMonths(i), BigDecimal.valueOf(cents.get(i), 2));
        }
        return s;
    }

    @Property(tries = 200)
    void changingTheForecastMonthOrLater_neverChangesTheForecast(
            @ForAll @Size(min = 2, max = 30) List<@IntRange(min = 0, max = 10_000_000) Integer> revenue,
            @ForAll @Size(min = 30, max = 30) List<@IntRange(min = 0, max = 10_000_000) Integer> otherFuture,
            @ForAll @IntRange(min = 1, max = 29) int monthIndex, @ForAll ForecastMethod method) {
        int m = Math.min(monthIndex, revenue.size() - 1);
        List<Integer> changed = new java.util.ArrayList<>(revenue.subList(0, m));
        changed.addAll(otherFuture.subList(0, revenue.size() - m));
        YearMonth month = START.plusMonths(m);

        assertThat(RunRateForecast.forecast(series(changed), month, method))
                .isEqualTo(RunRateForecast.forecast(series(revenue), month, method));
        MonthForecast asBacktested = RunRateForecast.backtest(series(changed), method, 1).months().get(m - 1);
        assertThat(asBacktested.month()).isEqualTo(month);
        assertThat(asBacktested.forecast())
                .isEqualTo(RunRateForecast.backtest(series(revenue), method, 1).months().get(m - 1).forecast());
    }

    @Property(tries = 100)
    void aForecastFromTheWholeSeries_isTheForecastOfTheMonthAfter(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 10_000_000) Integer> revenue,
            @ForAll ForecastMethod method) {
        Backtest b = RunRateForecast.backtest(series(revenue), method, 1);

        assertThat(b.next()).isEqualTo(RunRateForecast.forecast(series(revenue), b.nextMonth(), method));
        assertThat(b.next().signum()).isNotNegative();
    }
}
