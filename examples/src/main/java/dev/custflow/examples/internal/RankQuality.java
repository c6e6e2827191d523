package dev.custflow.examples.internal;

import java.util.Arrays;
import java.util.Comparator;

/** How well scores rank leads that converted above those that did not. */
public final class RankQuality {
    private RankQuality() {
    }

    /**
     * The area under the ROC curve by Mann-Whitney: the share of (converted, not converted) pairs in
     * which the converted lead has the higher score, a tie counting half.
     *
     * @param scores   one score per lead
     * @param positive whether each lead converted
     * @return the AUC, 0.5 for a coin, 1 for a perfect ranking; NaN without both kinds of lead
     */
    public static double auc(double[] scores, boolean[] positive) {
        check(scores, positive);
        Integer[] order = order(scores);
        long pos = 0;
        double rankSum = 0; // sum of the mid-ranks (1-based) of the positives
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (positive[order[t]]) {
                    pos++;
                    rankSum += midRank;
                }
            }
            i = j + 1;
        }
        long neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * The conversion rate of the top {@code share} of leads by score. Where the cut falls inside a
     * group of equal scores, the slots left are filled at that group's own rate (as if drawn at random
     * from it), so the order of equal scores does not matter.
     *
     * @param scores   one score per lead
     * @param positive whether each lead converted
     * @param share    the share of leads taken from the top, above 0 and at most 1
     * @return the rate of conversion among them
     */
    public static double topRate(double[] scores, boolean[] positive, double share) {
        check(scores, positive);
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be above 0 and at most 1, got " + share);
        }
        Integer[] order = order(scores);
        double slots = share * scores.length;
        double taken = 0;
        double converted = 0;
        for (int i = order.length - 1; i >= 0 && taken < slots; ) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            int group = i - j + 1;
            int groupConverted = 0;
            for (int t = j; t <= i; t++) {
                groupConverted += positive[order[t]] ? 1 : 0;
            }
            double take = Math.min(group, slots - taken);
            converted += take * groupConverted / group;
            taken += take;
            i = j - 1;
        }
        return converted / slots;
    }

    /**
     * The Brier score: the mean squared gap between the predicted chance and the outcome (1 converted, 0 not).
     *
     * @param chance   the predicted chance of each lead, 0-1
     * @param positive whether each lead converted
     * @return 0 for a perfect and sure prediction, 0.25 for "50 %" every time, 1 for sure and always wrong
     */
    public static double brier(double[] chance, boolean[] positive) {
        check(chance, positive);
        double sum = 0;
        for (int i = 0; i < chance.length; i++) {
            double gap = chance[i] - (positive[i] ? 1 : 0);
            sum += gap * gap;
        }
        return sum / chance.length;
    }

    private static void check(double[] scores, boolean[] positive) {
        if (scores.length != positive.length || scores.length == 0) {
            throw new IllegalArgumentException(scores.length + " scores and " + positive.length + " outcomes");
        }
    }

    /** Indices by ascending score. */
    private static Integer[] order(double[] scores) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }
}
