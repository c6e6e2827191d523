package dev.custflow.internal.packs;

import dev.custflow.model.Customer;
import dev.custflow.settings.SegmentsSettings;
import dev.custflow.settings.Settings;
import java.util.List;

/** When the segments pack rescores the base (weekly), and how (fifths of the base or fixed thresholds). */
public final class RfmWeekly {
    private final SegmentsSettings settings;
    private final Weekly weekly;

    public RfmWeekly(Settings s) {
        this.settings = s.segments();
        this.weekly = new Weekly(s.timeZone(), settings.recomputeDay(), settings.recomputeTime());
    }

    /** @return when the base is rescored: the weekly schedule (also kept in snapshots) */
    public Weekly weekly() {
        return weekly;
    }

    /**
     * @param base   every customer with an order, their clocks at the recompute
     * @param scores filled with {r, f, m} per customer
     * @return the scale for customers who order before the next recompute
     */
    public RfmScale scale(List<Customer> base, int[][] scores) {
        if (settings.mode() == SegmentsSettings.Mode.QUINTILES) {
            return RfmScale.quintiles(base, scores);
        }
        RfmScale fixed = RfmScale.fixed(settings);
        for (int i = 0; i < base.size(); i++) {
            scores[i] = fixed.score(base.get(i));
        }
        return fixed;
    }
}
