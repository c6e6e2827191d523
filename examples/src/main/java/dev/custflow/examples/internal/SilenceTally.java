package dev.custflow.examples.internal;

import dev.custflow.model.Times;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Customers at a cutoff counted by band of orders and days of silence, with whether each ordered again before the
 * horizon, and the pauses between orders seen before the cutoff. The arithmetic of churn calibration, kept apart
 * from the engine so that it can be checked by hand.
 */
public final class SilenceTally {
    /** Silences are counted up to this many days; longer ones count as this many. */
    public static final int MAX_DAYS = 730;

    private final int[] bandFrom;
    /** [band][days of silence]: customers, and of them those who did not order again. */
    private final int[][] customers;
    private final int[][] churned;
    private final List<List<Integer>> pauses = new ArrayList<>();
    private int total;
    private int totalChurned;

    private SilenceTally(int[] bandFrom) {
        this.bandFrom = bandFrom.clone();
        this.customers = new int[bandFrom.length][MAX_DAYS + 1];
        this.churned = new int[bandFrom.length][MAX_DAYS + 1];
        for (int i = 0; i < bandFrom.length; i++) {
            pauses.add(new ArrayList<>());
        }
    }

    /**
     * @param ordersByCustomer each customer's order instants, epoch millis, in time order
     * @param cutoff           the clock stops here; orders from it on are the future (epoch millis)
     * @param horizon          the future ends here, exclusive (epoch millis)
     * @param bandFrom         the orders each band starts at, ascending, e.g. {1, 2, 4, 8}
     * @return the tally of the customers with an order before the cutoff
     */
    public static SilenceTally of(Map<String, long[]> ordersByCustomer, long cutoff, long horizon, int[] bandFrom) {
        for (int i = 0; i < bandFrom.length; i++) {
            if (bandFrom[i] < 1 || i > 0 && bandFrom[i] <= bandFrom[i - 1]) {
                throw new IllegalArgumentException("the bands of orders must start at 1 or more and rise: "
                        + Arrays.toString(bandFrom));
            }
        }
        SilenceTally t = new SilenceTally(bandFrom);
        for (long[] at : ordersByCustomer.values()) {
            int before = 0;
            boolean cameBack = false;
            for (int i = 0; i < at.length; i++) {
                if (at[i] < cutoff) {
                    before++;
                    if (i > 0) {
                        int band = bandOf(i, bandFrom); // the pause after the i-th order
                        if (band >= 0) {
                            t.pauses.get(band).add(Times.daysBetween(at[i - 1], at[i]));
                        }
                    }
                } else if (at[i] < horizon) {
                    cameBack = true;
                }
            }
            int band = bandOf(before, bandFrom);
            if (before == 0 || band < 0) {
                continue;
            }
            int silence = Math.min(MAX_DAYS, Times.daysBetween(at[before - 1], cutoff));
            t.customers[band][silence]++;
            t.total++;
            if (!cameBack) {
                t.churned[band][silence]++;
                t.totalChurned++;
            }
        }
        return t;
    }

    /**
     * @param orders   a customer's number of orders
     * @param bandFrom the orders each band starts at, ascending
     * @return the band's index, or -1 when there are fewer orders than the first band's
     */
    public static int bandOf(int orders, int[] bandFrom) {
        int found = -1;
        for (int i = 0; i < bandFrom.length && bandFrom[i] <= orders; i++) {
            found = i;
        }
        return found;
    }

    /** @return the number of bands */
    public int bands() {
        return bandFrom.length;
    }

    /**
     * @param band a band's index
     * @return the orders it starts at
     */
    public int bandFrom(int band) {
        return bandFrom[band];
    }

    /** @return customers counted (with an order before the cutoff, in a band) */
    public int total() {
        return total;
    }

    /** @return of them, those who did not order again before the horizon */
    public int totalChurned() {
        return totalChurned;
    }

    /** @return the share of customers who did not order again */
    public double baseRate() {
        return total == 0 ? 0 : (double) totalChurned / total;
    }

    /**
     * @param band a band's index
     * @param days days of silence
     * @return customers of the band silent for at least {@code days} at the cutoff
     */
    public int flagged(int band, int days) {
        return sumFrom(customers[band], days);
    }

    /**
     * @param band a band's index
     * @param days days of silence
     * @return of {@link #flagged}, those who did not order again
     */
    public int churned(int band, int days) {
        return sumFrom(churned[band], days);
    }

    private static int sumFrom(int[] perDay, int days) {
        int sum = 0;
        for (int d = Math.max(0, days); d <= MAX_DAYS; d++) {
            sum += perDay[d];
        }
        return sum;
    }

    /**
     * @param band     a band's index
     * @param share    e.g. 0.9
     * @param minCount fewer pauses than this give no answer
     * @return the pause (days between two orders, after an order that put the customer in this band) that this
     *         share of the band's pauses did not exceed, or -1
     */
    public int pausePercentile(int band, double share, int minCount) {
        List<Integer> p = new ArrayList<>(pauses.get(band));
        if (p.size() < Math.max(1, minCount)) {
            return -1;
        }
        p.sort(null);
        return p.get(Math.min(p.size() - 1, (int) Math.ceil(share * p.size()) - 1));
    }

    /**
     * @param band a band's index
     * @return the pauses seen in it
     */
    public int pauseCount(int band) {
        return pauses.get(band).size();
    }

    /**
     * The silence per band that flags the churned customers most precisely while flagging at least {@code recall}
     * of them all: the bands share one price per flagged customer, each flags from the silence where its churned
     * customers outweigh that price most, and the price is the highest that still reaches the recall. A band whose
     * best would flag fewer than {@code minFlagged} customers flags none.
     *
     * @param recall     the share of all churned customers to flag, e.g. 0.80
     * @param minDays    the shortest silence considered
     * @param maxDays    the longest silence considered
     * @param minFlagged the fewest customers a band may flag
     * @return per band the silence in days, or -1 for a band that flags none; all -1 when the recall is out of reach
     */
    public int[] preciseThresholds(double recall, int minDays, int maxDays, int minFlagged) {
        int[] none = new int[bands()];
        Arrays.fill(none, -1);
        for (int milli = 1000; milli >= 0; milli--) {
            double price = milli / 1000.0;
            int[] t = new int[bands()];
            int hits = 0;
            for (int b = 0; b < bands(); b++) {
                t[b] = -1;
                double best = 0;
                for (int d = maxDays; d >= minDays; d--) { // from the longest: of equal gains, the longest silence
                    int f = flagged(b, d);
                    double gain = churned(b, d) - price * f;
                    if (f >= minFlagged && gain > best + 1e-9) {
                        best = gain;
                        t[b] = d;
                    }
                }
                if (t[b] >= 0) {
                    hits += churned(b, t[b]);
                }
            }
            if (totalChurned > 0 && hits >= recall * totalChurned) {
                return t;
            }
        }
        return none;
    }
}
