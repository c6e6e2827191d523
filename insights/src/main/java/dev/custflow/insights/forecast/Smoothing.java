package dev.custflow.insights.forecast;

/** Exponential smoothing with its parameters fitted on the series it is given, by a grid search (small and exact). */
final class Smoothing {
    /** The months of history from which a smoothing parameter is fitted (five one-step errors). */
    static final int MIN_FIT = 6;

    private Smoothing() {
    }

    /** @return the next value by simple exponential smoothing, alpha fitted on {@code y} */
    static double simple(double[] y) {
        double bestError = Double.POSITIVE_INFINITY;
        double bestNext = y[y.length - 1];
        for (int step = 1; step <= 20; step++) {
            double alpha = step / 20.0;
            double level = y[0];
            double error = 0;
            for (int t = 1; t < y.length; t++) {
                double e = y[t] - level;
                error += e * e;
                level += alpha * e;
            }
            if (error < bestError) { // strictly: on a tie the smoother alpha wins
                bestError = error;
                bestNext = level;
            }
        }
        return bestNext;
    }

    /** @return the next value by Holt's linear trend, alpha and beta fitted on {@code y} (three values or more) */
    static double holt(double[] y) {
        double bestError = Double.POSITIVE_INFINITY;
        double bestNext = y[y.length - 1];
        for (int a = 1; a <= 10; a++) {
            for (int b = 1; b <= 10; b++) {
                double alpha = a / 10.0;
                double beta = b / 10.0;
                double level = y[1];
                double trend = y[1] - y[0];
                double error = 0;
                for (int t = 2; t < y.length; t++) {
                    double forecast = level + trend;
                    double e = y[t] - forecast;
                    error += e * e;
                    double previous = level;
                    level = alpha * y[t] + (1 - alpha) * forecast;
                    trend = beta * (level - previous) + (1 - beta) * trend;
                }
                if (error < bestError) {
                    bestError = error;
                    bestNext = level + trend;
                }
            }
        }
        return bestNext;
    }
}
