package dev.custflow.insights.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The run-rate forecast of monthly revenue, and its error measured on history: each month forecast from the months
 * before it only, as if it were the first day of that month, then compared with what the month had.
 *
 * <pre>{@code
 * Backtest shipped = RunRateForecast.backtest(revenuePerMonth, RunRateForecast.SHIPPED);
 * Backtest naive = RunRateForecast.backtest(revenuePerMonth, ForecastMethod.LAST_MONTH);
 * System.out.printf("MAPE %.1f%% (naive %.1f%%), next month %s%n", shipped.mape(), naive.mape(), shipped.next());
 * }</pre>
 *
 * <p>A month missing from the series between its first and last month had no revenue (zero). Forecasts are in the
 * series' currency, rounded to the cent.
 */
public final class RunRateForecast {
    /**
     * The method the library recommends: simple exponential smoothing. On the histories measured (CDNOW, the demo's
     * company) it was never worse than the naive last month, which no other method compared managed on both; where
     * a series is level but noisy it smooths, where it moves it follows (docs/forecast.md).
     */
    public static final ForecastMethod SHIPPED = ForecastMethod.EXPONENTIAL_SMOOTHING;
    /** The months of history the first scored forecast has by default. */
    public static final int DEFAULT_MIN_HISTORY = 3;

    private RunRateForecast() {
    }

    /**
     * @param revenue revenue per month (at least one month); a month missing inside the range had none
     * @param month   the month to forecast: after the first month of the series, at most one month after its last
     * @param method  how
     * @return the forecast for {@code month}, from the months before it only
     * @throws IllegalArgumentException if no month of the series comes before {@code month}, or {@code month} is more
     *                                  than one month after the series
     */
    public static BigDecimal forecast(SortedMap<YearMonth, BigDecimal> revenue, YearMonth month,
                                      ForecastMethod method) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(method, "method");
        Series s = Series.of(revenue);
        int index = s.index(month);
        if (index < 1 || index > s.values.length) {
            throw new IllegalArgumentException("the series runs from " + s.first + " to "
                    + s.first.plusMonths(s.values.length - 1L) + "; " + month
                    + " cannot be forecast from it (give a month after the first, up to the one after the last)");
        }
        return money(method.forecastNext(Arrays.copyOf(s.values, index)));
    }

    /**
     * Backtests a method with the default {@value #DEFAULT_MIN_HISTORY} months of history before the first scored
     * month.
     *
     * @param revenue revenue per month; a month missing inside the range had none
     * @param method  how
     * @return each month forecast from the months before it, with its error, and next month's forecast
     * @throws IllegalArgumentException if the series is empty
     */
    public static Backtest backtest(SortedMap<YearMonth, BigDecimal> revenue, ForecastMethod method) {
        return backtest(revenue, method, DEFAULT_MIN_HISTORY);
    }

    /**
     * @param revenue    revenue per month; a month missing inside the range had none
     * @param method     how
     * @param minHistory the months before the first forecast month (at least 1): those months are not forecast
     * @return each month forecast from the months before it, with its error, and next month's forecast
     * @throws IllegalArgumentException if the series is empty or {@code minHistory} is below 1
     */
    public static Backtest backtest(SortedMap<YearMonth, BigDecimal> revenue, ForecastMethod method,
                                    int minHistory) {
        Objects.requireNonNull(method, "method");
        if (minHistory < 1) {
            throw new IllegalArgumentException("minHistory must be at least 1 month, got " + minHistory);
        }
        Series s = Series.of(revenue);
        List<MonthForecast> months = new ArrayList<>();
        for (int i = minHistory; i < s.values.length; i++) {
            BigDecimal forecast = money(method.forecastNext(Arrays.copyOf(s.values, i)));
            BigDecimal actual = s.actual(i);
            double ape = actual.signum() == 0 ? Double.NaN
                    : forecast.subtract(actual).abs().doubleValue() / actual.abs().doubleValue() * 100;
            months.add(new MonthForecast(s.first.plusMonths(i), forecast, actual, ape));
        }
        YearMonth nextMonth = s.first.plusMonths(s.values.length);
        return new Backtest(method, months, nextMonth, money(method.forecastNext(s.values)));
    }

    /**
     * Backtests every method on the same months, so their errors compare.
     *
     * @param revenue    revenue per month; a month missing inside the range had none
     * @param minHistory the months before the first forecast month (at least 1)
     * @return one backtest per method, in {@link ForecastMethod} order
     * @throws IllegalArgumentException if the series is empty or {@code minHistory} is below 1
     */
    public static List<Backtest> compare(SortedMap<YearMonth, BigDecimal> revenue, int minHistory) {
        return Arrays.stream(ForecastMethod.values()).map(m -> backtest(revenue, m, minHistory)).toList();
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The series as contiguous months from its first, the missing ones zero. */
    private static final class Series {
        final YearMonth first;
        final double[] values;
        final BigDecimal[] exact;

        private Series(YearMonth first, BigDecimal[] exact) {
            this.first = first;
            this.exact = exact;
            this.values = Arrays.stream(exact).mapToDouble(BigDecimal::doubleValue).toArray();
        }

        static Series of(SortedMap<YearMonth, BigDecimal> revenue) {
            Objects.requireNonNull(revenue, "revenue");
            if (revenue.isEmpty()) {
                throw new IllegalArgumentException("the revenue series is empty; give at least one month");
            }
            YearMonth first = revenue.firstKey();
            int length = (int) first.until(revenue.lastKey(), java.time.temporal.ChronoUnit.MONTHS) + 1;
            if (length < 1) {
                throw new IllegalArgumentException("the revenue series must be sorted oldest first (its first month, "
                        + first + ", is after its last, " + revenue.lastKey() + ")");
            }
            BigDecimal[] exact = new BigDecimal[length];
            Arrays.fill(exact, BigDecimal.ZERO);
            for (Map.Entry<YearMonth, BigDecimal> e : revenue.entrySet()) {
                exact[(int) first.until(e.getKey(), java.time.temporal.ChronoUnit.MONTHS)] =
                        Objects.requireNonNull(e.getValue(), () -> "the revenue of " + e.getKey() + " is null");
            }
            return new Series(first, exact);
        }

        int index(YearMonth month) {
            return (int) first.until(month, java.time.temporal.ChronoUnit.MONTHS);
        }

        BigDecimal actual(int i) {
            return exact[i];
        }
    }
}
