package dev.custflow.settings;

import dev.custflow.model.Level;
import dev.custflow.model.ChurnCause;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
 * @param silenceBands         the silence that raises NO_ORDER and NO_ORDER_LONG by the customer's number of
 *                             orders, e.g. one-time buyers after 180 days, customers with 4 or more orders after 225
 *                             (default none: {@code noOrderDays} and {@code longNoOrderDays} for every customer);
 *                             {@code bin/custflow calibrate --churn} learns them from an order history
 * @param offCauses            built-in causes switched off, e.g. {@code [AMOUNT_FALLING]} when history shows the
 *                             cause flags customers less likely to leave than average (default none)
 */
public record ChurnSettings(int noOrderDays, int longNoOrderDays, int fallingOrders, int complaints,
                            int complaintsDays, double intervalFactor, int intervalMinOrders, int returns,
                            int returnsDays, int detractorNps, int lowCsat, int contactDroppedDays,
                            int regularContactWeeks, int regularContactMin, Map<String, Level> levels,
                            boolean weeklyDigest, DayOfWeek digestDay, LocalTime digestTime,
                            int digestMaxCustomers, List<SilenceBand> silenceBands, Set<String> offCauses) {

    /**
     * The silence thresholds of customers with at least {@code fromOrders} orders (up to the next band's
     * {@code fromOrders}).
     *
     * @param fromOrders      the band starts at this number of orders (1 for one-time buyers)
     * @param noOrderDays     days without an order that raise NO_ORDER in this band
     * @param longNoOrderDays days without an order that raise NO_ORDER_LONG in this band
     * @param level           the level of NO_ORDER in this band; null: {@code churn.levels.NO_ORDER}
     * @param longLevel       the level of NO_ORDER_LONG in this band; null: {@code churn.levels.NO_ORDER_LONG}
     */
    public record SilenceBand(int fromOrders, int noOrderDays, int longNoOrderDays, Level level, Level longLevel) {
        /** Validates the band on its own; the order of the bands is checked by {@link ChurnSettings}. */
        public SilenceBand {
            // a key missing from a band (or misspelt: Jackson binds the band before it sees the unknown key) reads as 0
            for (Map.Entry<String, Integer> e : Map.of("fromOrders", fromOrders, "noOrderDays", noOrderDays,
                    "longNoOrderDays", longNoOrderDays).entrySet()) {
                if (e.getValue() < 1) {
                    throw new InvalidSettingsException("churn.silenceBands." + e.getKey(), e.getValue(),
                            "must be above 0; a band needs fromOrders, noOrderDays and longNoOrderDays, spelt so");
                }
            }
        }
    }

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
        silenceBands = silenceBands == null ? List.of() : List.copyOf(silenceBands);
        for (int i = 1; i < silenceBands.size(); i++) {
            if (silenceBands.get(i).fromOrders() <= silenceBands.get(i - 1).fromOrders()) {
                throw new InvalidSettingsException("churn.silenceBands[" + i + "].fromOrders",
                        silenceBands.get(i).fromOrders(), "must be above the band before it ("
                        + silenceBands.get(i - 1).fromOrders() + "); list the bands from the fewest orders up");
            }
        }
        offCauses = offCauses == null ? Set.of() : Set.copyOf(new TreeSet<>(offCauses));
        for (String cause : offCauses) {
            if (!DEFAULT_LEVELS.containsKey(cause)) {
                throw new InvalidSettingsException("churn.offCauses", cause, "there is no built-in churn cause by "
                        + "that name; the causes are " + String.join(", ", new TreeSet<>(DEFAULT_LEVELS.keySet())));
            }
        }
        digestDay = digestDay == null ? DayOfWeek.MONDAY : digestDay;
        digestTime = digestTime == null ? LocalTime.of(8, 0) : digestTime;
    }

    /** @return the catalog defaults */
    public static ChurnSettings ofDefaults() {
        return new ChurnSettings(30, 90, 2, 2, 90, 1.5, 3, 2, 90, 6, 2, 60, 8, 6, DEFAULT_LEVELS, true,
                DayOfWeek.MONDAY, LocalTime.of(8, 0), 50, List.of(), Set.of());
    }

    /**
     * @param cause a built-in churn cause
     * @return false if it is switched off in {@link #offCauses()}
     */
    public boolean isOn(String cause) {
        return !offCauses.contains(cause);
    }

    /**
     * @param orderCount the customer's number of orders
     * @return the band the customer is in, or null when no band covers it (then the flat thresholds apply)
     */
    public SilenceBand band(int orderCount) {
        SilenceBand found = null;
        for (SilenceBand b : silenceBands) {
            if (b.fromOrders() <= orderCount) {
                found = b;
            }
        }
        return found;
    }

    /**
     * @param orderCount the customer's number of orders
     * @return days without an order that raise NO_ORDER for such a customer
     */
    public int noOrderDays(int orderCount) {
        SilenceBand b = band(orderCount);
        return b == null ? noOrderDays : b.noOrderDays();
    }

    /**
     * @param orderCount the customer's number of orders
     * @return days without an order that raise NO_ORDER_LONG for such a customer
     */
    public int longNoOrderDays(int orderCount) {
        SilenceBand b = band(orderCount);
        return b == null ? longNoOrderDays : b.longNoOrderDays();
    }

    /**
     * @param orderCount the customer's number of orders
     * @return the level of NO_ORDER for such a customer
     */
    public Level noOrderLevel(int orderCount) {
        SilenceBand b = band(orderCount);
        return b == null || b.level() == null ? level(ChurnCause.NO_ORDER) : b.level();
    }

    /**
     * @param orderCount the customer's number of orders
     * @return the level of NO_ORDER_LONG for such a customer
     */
    public Level longLevel(int orderCount) {
        SilenceBand b = band(orderCount);
        return b == null || b.longLevel() == null ? level(ChurnCause.NO_ORDER_LONG) : b.longLevel();
    }

    /**
     * How the reasons name the customer's band: the key of the sentence ({@code churn.band.fewer}, {@code exactly},
     * {@code range} or {@code from}, in the reason templates), with {@link #bandLow} and {@link #bandHigh} as its
     * figures.
     *
     * @param orderCount the customer's number of orders
     * @return the key, or null without bands (the reason then names no band)
     */
    public String bandKey(int orderCount) {
        if (silenceBands.isEmpty()) {
            return null;
        }
        SilenceBand b = band(orderCount);
        if (b == null) {
            return "churn.band.fewer";
        }
        int to = bandHigh(orderCount);
        return to == Integer.MAX_VALUE ? "churn.band.from" : to == b.fromOrders() ? "churn.band.exactly"
                : "churn.band.range";
    }

    /**
     * @param orderCount the customer's number of orders
     * @return the fewest orders of the customer's band; below the first band, that band's start
     */
    public int bandLow(int orderCount) {
        SilenceBand b = band(orderCount);
        return b == null ? (silenceBands.isEmpty() ? 0 : silenceBands.get(0).fromOrders()) : b.fromOrders();
    }

    /**
     * @param orderCount the customer's number of orders
     * @return the most orders of the customer's band, {@code Integer.MAX_VALUE} for the last band
     */
    public int bandHigh(int orderCount) {
        SilenceBand b = band(orderCount);
        if (b == null) {
            return silenceBands.isEmpty() ? Integer.MAX_VALUE : silenceBands.get(0).fromOrders() - 1;
        }
        int i = silenceBands.indexOf(b);
        return i + 1 < silenceBands.size() ? silenceBands.get(i + 1).fromOrders() - 1 : Integer.MAX_VALUE;
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
