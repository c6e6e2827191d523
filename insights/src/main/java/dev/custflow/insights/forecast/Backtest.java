package dev.custflow.insights.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A method replayed over a revenue history: each month from the {@code minHistory}-th on forecast from the months
 * before it, next to what happened, and the forecast of the month after the history.
 *
 * @param method     the method
 * @param months     the months forecast, oldest first (the first {@code minHistory} months of the history are not:
 *                   they are the history the first forecast needs)
 * @param nextMonth  the month after the history
 * @param next       the forecast for {@code nextMonth}, from the whole history
 */
public record Backtest(ForecastMethod method, List<MonthForecast> months, YearMonth nextMonth, BigDecimal next) {
    /** Checks the fields and copies the list. */
    public Backtest {
        Objects.requireNonNull(method, "method");
        months = List.copyOf(months);
        Objects.requireNonNull(nextMonth, "nextMonth");
        Objects.requireNonNull(next, "next");
    }

    /**
     * @return the mean absolute percentage error over the scored months, in percent (12.5 means 12.5%); NaN when
     *         no month is scored
     */
    public double mape() {
        return months.stream().filter(MonthForecast::scored).mapToDouble(MonthForecast::ape).average()
                .orElse(Double.NaN);
    }

    /** @return the number of months the error is averaged over */
    public int scoredMonths() {
        return (int) months.stream().filter(MonthForecast::scored).count();
    }
}
