package dev.custflow.insights;

import dev.custflow.insights.internal.DefaultKpiBook;
import dev.custflow.settings.Settings;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Builds a {@link KpiBook}. Start with the engine's settings so that periods are counted in the business's time
 * zone and MQLs at the engine's threshold. The one class of the API that knows the implementation.
 */
public final class KpiBookBuilder {
    private ZoneId zone = Settings.ofDefaults().timeZone();
    private int mqlThreshold = Settings.ofDefaults().scoring().mqlThreshold();
    private OrderCosts costs = OrderCosts.NONE;

    KpiBookBuilder() {
    }

    /**
     * @param settings the engine's settings: its time zone and MQL threshold
     * @return this
     */
    public KpiBookBuilder settings(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        this.zone = settings.timeZone();
        this.mqlThreshold = settings.scoring().mqlThreshold();
        return this;
    }

    /**
     * @param zone the time zone days, weeks, months and quarters are counted in
     * @return this
     */
    public KpiBookBuilder zone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * @param threshold the score from which a lead counts as an MQL (0-100)
     * @return this
     * @throws IllegalArgumentException if it is outside 0-100
     */
    public KpiBookBuilder mqlThreshold(int threshold) {
        if (threshold < 0 || threshold > 100) {
            throw new IllegalArgumentException("The MQL threshold (" + threshold + ") must be between 0 and 100.");
        }
        this.mqlThreshold = threshold;
        return this;
    }

    /**
     * @param costs what orders cost, for gross profit and margin (default: unknown, so those stay absent)
     * @return this
     */
    public KpiBookBuilder orderCosts(OrderCosts costs) {
        this.costs = Objects.requireNonNull(costs, "costs");
        return this;
    }

    /** @return a new, empty book */
    public KpiBook build() {
        return new DefaultKpiBook(zone, mqlThreshold, costs);
    }
}
