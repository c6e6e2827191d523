package dev.custflow.insights.forecast;

import java.util.Objects;

/**
 * How next month's revenue is forecast from the months before it. Every method sees only the past it is given: a
 * forecast of month m is computed from the months before m and nothing else (no look-ahead), and any parameter a
 * method fits is fitted on that same past.
 */
public enum ForecastMethod {
    /** Naive: next month is like the last one. The baseline every other method must beat. */
    LAST_MONTH {
        @Override
        double next(double[] past) {
            return past[past.length - 1];
        }
    },
    /** The mean of the last three months (of fewer while there are fewer). */
    TRAILING_MEAN_3 {
        @Override
        double next(double[] past) {
            int n = Math.min(3, past.length);
            double sum = 0;
            for (int i = past.length - n; i < past.length; i++) {
                sum += past[i];
            }
            return sum / n;
        }
    },
    /** Seasonal naive: the same month a year before; the last month while there is less than a year of history. */
    SEASONAL_NAIVE {
        @Override
        double next(double[] past) {
            return past.length >= 12 ? past[past.length - 12] : past[past.length - 1];
        }
    },
    /**
     * Simple exponential smoothing: a level that moves towards each month by a share alpha of the surprise. Alpha is
     * chosen from 0.05, 0.10 ... 1.00 as the one whose one-step forecasts erred least (squared error) on the past,
     * once the past holds {@value Smoothing#MIN_FIT} months; before, alpha is 1 (the last month), since an alpha
     * fitted on two or three surprises follows noise.
     */
    EXPONENTIAL_SMOOTHING {
        @Override
        double next(double[] past) {
            return past.length < Smoothing.MIN_FIT ? past[past.length - 1] : Smoothing.simple(past);
        }
    },
    /**
     * Holt's linear trend: a smoothed level plus a smoothed monthly change, alpha and beta chosen from 0.1 ... 1.0 as
     * the pair whose one-step forecasts erred least on the past; never below zero. The last month while there are
     * fewer than three months.
     */
    HOLT_TREND {
        @Override
        double next(double[] past) {
            return past.length < 3 ? past[past.length - 1] : Math.max(0, Smoothing.holt(past));
        }
    };

    abstract double next(double[] past);

    /**
     * @param past the months before the month to forecast, oldest first (at least one)
     * @return the forecast of the month that follows them
     * @throws IllegalArgumentException if {@code past} is empty or holds a value that is not a finite number
     */
    public double forecastNext(double[] past) {
        Objects.requireNonNull(past, "past");
        if (past.length == 0) {
            throw new IllegalArgumentException(name() + " needs at least one month of history to forecast from");
        }
        for (int i = 0; i < past.length; i++) {
            if (!Double.isFinite(past[i])) {
                throw new IllegalArgumentException("month " + (i + 1) + " of the history is " + past[i]
                        + "; give every month a finite revenue (0 for a month without sales)");
            }
        }
        return next(past.clone());
    }
}
