package dev.custflow.insights;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The KPIs of one period for one value of a dimension, as a scope sees them.
 *
 * @param period    the period
 * @param dimension what the figures are broken down by
 * @param value     the dimension's value (a rep id, a team, a channel, a region; {@link Dimension#NONE} for facts
 *                  without one; {@link Dimension#NONE} too for {@link Dimension#OVERALL})
 * @param figures   the figures asked for, in the order of {@link Kpi}
 */
public record KpiRow(Period period, Dimension dimension, String value, Map<Kpi, KpiValue> figures) {

    /** Copies the figures. */
    public KpiRow {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(value, "value");
        figures = Collections.unmodifiableMap(figures.isEmpty() ? new EnumMap<>(Kpi.class) : new EnumMap<>(figures));
    }

    /**
     * @param kpi a KPI
     * @return its figure here (absent when it was not asked for or cannot be computed)
     */
    public KpiValue get(Kpi kpi) {
        KpiValue v = figures.get(kpi);
        return v != null ? v : new KpiValue(kpi, null, java.math.BigDecimal.ZERO, null);
    }
}
