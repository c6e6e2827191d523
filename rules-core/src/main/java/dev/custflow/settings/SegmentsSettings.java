package dev.custflow.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * RFM scoring and segments (docs/design/rules-catalog.md §9).
 *
 * @param mode               QUINTILES: scores by fifths of the current customer base, recomputed weekly;
 *                           FIXED: scores by the thresholds below (default QUINTILES)
 * @param recencyDays        FIXED: days since the last order at or below which R is 5, 4, 3, 2 (default 30, 60,
 *                           120, 240; above: 1)
 * @param frequencyOrders    FIXED: orders from which F is 2, 3, 4, 5 (default 2, 3, 5, 8)
 * @param monetaryAmounts    FIXED: total spent from which M is 2, 3, 4, 5 (default 500, 2,000, 5,000, 20,000)
 * @param recomputeDay       QUINTILES: the fifths are recomputed when the clock passes this day (default MONDAY)
 * @param recomputeTime      ... at this local time in settings.timeZone (default 00:00)
 * @param newCustomerDays    a customer with one order placed within this many days is NEW (default 30)
 * @param frequentBuyerScore F at or above this tags "frequent-buyer" (default 4)
 * @param occasionalBuyerScore F at or below this tags "occasional-buyer" (default 2)
 */
public record SegmentsSettings(Mode mode, List<Integer> recencyDays, List<Integer> frequencyOrders,
                               List<Long> monetaryAmounts, DayOfWeek recomputeDay, LocalTime recomputeTime,
                               int newCustomerDays, int frequentBuyerScore, int occasionalBuyerScore) {

    /** How RFM scores are given. */
    public enum Mode { QUINTILES, FIXED }

    /** Validates the values and fills what was left out with defaults. */
    public SegmentsSettings {
        mode = mode == null ? Mode.QUINTILES : mode;
        recencyDays = four("segments.recencyDays", recencyDays, List.of(30, 60, 120, 240));
        frequencyOrders = four("segments.frequencyOrders", frequencyOrders, List.of(2, 3, 5, 8));
        monetaryAmounts = four("segments.monetaryAmounts", monetaryAmounts, List.of(500L, 2_000L, 5_000L, 20_000L));
        recomputeDay = recomputeDay == null ? DayOfWeek.MONDAY : recomputeDay;
        recomputeTime = recomputeTime == null ? LocalTime.MIDNIGHT : recomputeTime;
        InvalidSettingsException.positive("segments.newCustomerDays", newCustomerDays);
        InvalidSettingsException.range("segments.frequentBuyerScore", frequentBuyerScore, 1, 5);
        InvalidSettingsException.range("segments.occasionalBuyerScore", occasionalBuyerScore, 1, 5);
    }

    private static <T extends Comparable<T>> List<T> four(String key, List<T> given, List<T> defaults) {
        List<T> v = given == null ? defaults : List.copyOf(given);
        if (v.size() != 4) {
            throw new InvalidSettingsException(key, v, "needs 4 ascending thresholds (for scores 5-4-3-2 or 2-3-4-5)");
        }
        for (int i = 1; i < 4; i++) {
            if (v.get(i).compareTo(v.get(i - 1)) <= 0) {
                throw new InvalidSettingsException(key, v, "the 4 thresholds must be ascending");
            }
        }
        return v;
    }

    /** @return the catalog defaults */
    public static SegmentsSettings ofDefaults() {
        return new SegmentsSettings(Mode.QUINTILES, null, null, null, DayOfWeek.MONDAY, LocalTime.MIDNIGHT, 30, 4, 2);
    }
}
