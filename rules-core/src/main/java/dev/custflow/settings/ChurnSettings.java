package dev.custflow.settings;

import dev.custflow.model.Level;
import dev.custflow.model.ChurnCause;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * Thresholds of the churn pack (docs/design/rules-catalog.md §7). Each cause has its own rule and its own level.
 *
 * @param noOrderDays          days without an order that raise NO_ORDER (default 30)
 * @param longNoOrderDays      days without an order that raise NO_ORDER_LONG (default 90)
 * @param fallingOrders        consecutive orders each smaller than the one before that raise AMOUNT_FALLING
 *                             (default 2)
 * @param complaints           complaints within {@code complaintsDays} that raise COMPLAINTS (default 2)
 * @param complaintsDays       the complaints window (default 90)
 * @param intervalFactor       days since the last order above this many times the customer's own mean interval
 *                             raise INTERVAL_LENGTHENING (default 1.5) ...
 * @param intervalMinOrders    ... for customers with at least this many orders (default 3)
 * @param returns              returns and exchanges within {@code returnsDays} that raise RETURNS (default 2)
 * @param returnsDays          the returns window (default 90)
 * @param detractorNps         an NPS at or below this raises LOW_SATISFACTION (default 6) ...
 * @param lowCsat              ... and so does a CSAT at or below this (default 2)
 * @param contactDroppedDays   days without any interaction that raise CONTACT_DROPPED (default 60) ...
 * @param regularContactWeeks  ... for customers who had regular contact: in the weeks before the last
 *                             interaction (default 8) ...
 * @param regularContactMin    ... at least this many interactions (default 6, weekly with some slack)
 * @param levels               the level of each cause (defaults: NO_ORDER MEDIUM, NO_ORDER_LONG HIGH,
 *                             COMPLAINTS HIGH, LOW_SATISFACTION HIGH, the others MEDIUM)
 * @param weeklyDigest         whether reps get the weekly at-risk digest (default true) ...
 * @param digestDay            ... on this day (default MONDAY) ...
 * @param digestTime           ... at this local time in settings.timeZone (default 08:00)
 * @param digestMaxCustomers   at most this many customers listed per digest, highest risk first (default 50)
 */
public record ChurnSettings(int noOrderDays, int longNoOrderDays, int fallingOrders, int complaints,
                            int complaintsDays, double intervalFactor, int intervalMinOrders, int returns,
                            int returnsDays, int detractorNps, int lowCsat, int contactDroppedDays,
                            int regularContactWeeks, int regularContactMin, Map<String, Level> levels,
                            boolean weeklyDigest, DayOfWeek digestDay, LocalTime digestTime,
                            int digestMaxCustomers) {

    /** The causes of the built-in rules by name (the keys of {@code churn.levels}), each with its default level. */
    public static final Map<String, Level> DEFAULT_LEVELS = Map.of(
            ChurnCause.NO_ORDER.name(), Level.MEDIUM, ChurnCause.NO_ORDER_LONG.name(), Level.HIGH,
            ChurnCause.AMOUNT_FALLING.name(), Level.MEDIUM, ChurnCause.COMPLAINTS.name(), Level.HIGH,
            ChurnCause.INTERVAL_LENGTHENING.name(), Level.MEDIUM, ChurnCause.RETURNS.name(), Level.MEDIUM,
            ChurnCause.LOW_SATISFACTION.name(), Level.HIGH, ChurnCause.CONTACT_DROPPED.name(), Level.MEDIUM);

    /** Validates every threshold; a levels table given in settings overrides the defaults cause by cause. */
    public ChurnSettings {
        InvalidSettingsException.positive("churn.noOrderDays", noOrderDays);
        InvalidSettingsException.positive("churn.longNoOrderDays", longNoOrderDays);
        InvalidSettingsException.positive("churn.fallingOrders", fallingOrders);
        InvalidSettingsException.positive("churn.complaints", complaints);
        InvalidSettingsException.positive("churn.complaintsDays", complaintsDays);
        if (!(intervalFactor > 1.0)) {
            throw new InvalidSettingsException("churn.intervalFactor", intervalFactor, "must be greater than 1");
        }
        InvalidSettingsException.range("churn.intervalMinOrders", intervalMinOrders, 3, 128);
        InvalidSettingsException.positive("churn.returns", returns);
        InvalidSettingsException.positive("churn.returnsDays", returnsDays);
        InvalidSettingsException.range("churn.detractorNps", detractorNps, 0, 10);
        InvalidSettingsException.range("churn.lowCsat", lowCsat, 1, 5);
        InvalidSettingsException.positive("churn.contactDroppedDays", contactDroppedDays);
        InvalidSettingsException.positive("churn.regularContactWeeks", regularContactWeeks);
        InvalidSettingsException.positive("churn.regularContactMin", regularContactMin);
        InvalidSettingsException.positive("churn.digestMaxCustomers", digestMaxCustomers);
        Map<String, Level> all = new TreeMap<>(DEFAULT_LEVELS);
        if (levels != null) {
            all.putAll(levels);
        }
        levels = Map.copyOf(all);
        digestDay = digestDay == null ? DayOfWeek.MONDAY : digestDay;
        digestTime = digestTime == null ? LocalTime.of(8, 0) : digestTime;
    }

    /** @return the catalog defaults */
    public static ChurnSettings ofDefaults() {
        return new ChurnSettings(30, 90, 2, 2, 90, 1.5, 3, 2, 90, 6, 2, 60, 8, 6, DEFAULT_LEVELS, true,
                DayOfWeek.MONDAY, LocalTime.of(8, 0), 50);
    }

    /**
     * @param cause a churn cause, e.g. NO_ORDER
     * @return its level (MEDIUM for a cause the table does not know)
     */
    public Level level(String cause) {
        return levels.getOrDefault(cause, Level.MEDIUM);
    }

    /**
     * @param cause a built-in churn cause
     * @return its level
     */
    public Level level(ChurnCause cause) {
        return level(cause.name());
    }
}
