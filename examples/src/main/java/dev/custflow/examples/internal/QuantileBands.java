package dev.custflow.examples.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bands of a number cut at its quantiles, each band starting at a value seen in the data: the form of
 * the engine's {@code attributeBands} (the band with the largest {@code from} at or below a number).
 * Equal values stay in one band, and a band with fewer than {@code minRows} values is merged into the
 * one before it (the first into the second), so every band has evidence of its own.
 */
public final class QuantileBands {
    private final double[] from;

    private QuantileBands(double[] from) {
        this.from = from;
    }

    /**
     * @param values  the numbers seen (missing ones left out)
     * @param bands   how many quantile bands to aim for (10: deciles)
     * @param minRows the fewest values a band may have
     * @return the bands; a single band from the smallest value when there are too few values to cut
     */
    public static QuantileBands of(double[] values, int bands, int minRows) {
        if (values.length == 0) {
            return new QuantileBands(new double[0]);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        List<Double> cuts = new ArrayList<>();
        for (int q = 0; q < bands; q++) {
            double v = sorted[(int) ((long) q * sorted.length / bands)];
            if (cuts.isEmpty() || v > cuts.get(cuts.size() - 1)) {
                cuts.add(v);
            }
        }
        // left to right: keep a cut only when the band it closes has enough values
        List<Double> kept = new ArrayList<>();
        kept.add(cuts.get(0));
        for (int i = 1; i < cuts.size(); i++) {
            if (count(sorted, kept.get(kept.size() - 1), cuts.get(i)) >= minRows) {
                kept.add(cuts.get(i));
            }
        }
        if (kept.size() > 1 && count(sorted, kept.get(kept.size() - 1), Double.POSITIVE_INFINITY) < minRows) {
            kept.remove(kept.size() - 1); // the last band is too small: into the one before
        }
        return new QuantileBands(kept.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * @param from where each band starts, ascending (as a lead table's mapping gives them)
     * @return those bands
     * @throws IllegalArgumentException if they do not go up
     */
    public static QuantileBands at(List<Double> from) {
        double[] f = from.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 1; i < f.length; i++) {
            if (!(f[i] > f[i - 1])) {
                throw new IllegalArgumentException("bands must go up: " + f[i] + " follows " + f[i - 1]);
            }
        }
        return new QuantileBands(f);
    }

    /** Values in [lo, hi). */
    private static int count(double[] sorted, double lo, double hi) {
        int n = 0;
        for (double v : sorted) {
            if (v >= lo && v < hi) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param x a number, or null
     * @return the index of its band (the largest {@code from} at or below it), or -1 for none
     */
    public int bandOf(Double x) {
        int band = -1;
        if (x == null) {
            return band;
        }
        for (int i = 0; i < from.length; i++) {
            if (x >= from[i]) {
                band = i;
            }
        }
        return band;
    }

    /** @return where each band starts, ascending */
    public double[] from() {
        return from.clone();
    }

    /** @return the number of bands */
    public int size() {
        return from.length;
    }
}
