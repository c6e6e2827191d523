package dev.custflow.insights.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One month of a backtest: what was forecast for it from the months before, and what happened.
 *
 * @param month    the month forecast
 * @param forecast the forecast, to the cent, made from the months before {@code month} only
 * @param actual   the revenue the month had
 * @param ape      the absolute percentage error, {@code |forecast - actual| / actual * 100}; NaN when the actual
 *                 is zero (such a month is not scored)
 */
public record MonthForecast(YearMonth month, BigDecimal forecast, BigDecimal actual, double ape) {
    /** Checks the required fields. */
    public MonthForecast {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(actual, "actual");
    }

    /** @return whether the month counts in the mean absolute percentage error (its actual is not zero) */
    public boolean scored() {
        return !Double.isNaN(ape);
    }
}
