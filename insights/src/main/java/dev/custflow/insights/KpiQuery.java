package dev.custflow.insights;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which KPIs to read: the periods from the one containing {@code from} to the one containing {@code to}, at one
 * granularity, broken down by one dimension.
 *
 * @param granularity day, week, month or quarter
 * @param from        a day in the first period
 * @param to          a day in the last period (not before {@code from})
 * @param dimension   the breakdown ({@link Dimension#OVERALL} for none)
 * @param kpis        the KPIs wanted (empty: all)
 */
public record KpiQuery(Granularity granularity, LocalDate from, LocalDate to, Dimension dimension, Set<Kpi> kpis) {

    /**
     * Checks the range and copies the KPIs.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public KpiQuery {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(dimension, "dimension");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The query ends (" + to + ") before it starts (" + from + ").");
        }
        kpis = kpis == null || kpis.isEmpty() ? Collections.unmodifiableSet(EnumSet.allOf(Kpi.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(kpis));
    }

    /**
     * @param granularity day, week, month or quarter
     * @param from        a day in the first period
     * @param to          a day in the last period
     * @return every KPI, overall, for those periods
     */
    public static KpiQuery of(Granularity granularity, LocalDate from, LocalDate to) {
        return new KpiQuery(granularity, from, to, Dimension.OVERALL, Set.of());
    }

    /**
     * @param dimension the breakdown
     * @return the same query broken down by {@code dimension}
     */
    public KpiQuery by(Dimension dimension) {
        return new KpiQuery(granularity, from, to, dimension, kpis);
    }

    /**
     * @param first  a KPI wanted
     * @param others more KPIs wanted
     * @return the same query for only those KPIs
     */
    public KpiQuery only(Kpi first, Kpi... others) {
        return new KpiQuery(granularity, from, to, dimension, EnumSet.of(first, others));
    }
}
