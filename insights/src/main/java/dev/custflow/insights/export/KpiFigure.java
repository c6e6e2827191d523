package dev.custflow.insights.export;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One row of the KPI table ({@link BiSchema#KPIS}): a KPI, for one period and one member of a dimension. The report
 * draws these same rows.
 *
 * @param kpi         the KPI's name (docs/kpis.md)
 * @param grain       day, week, month, quarter, or all
 * @param periodStart the period's first day, null for all
 * @param periodEnd   its last day, null for all
 * @param dimension   all, rep, team, channel, region, segment or cause
 * @param member      the member of the dimension ({@code all} for the dimension all)
 * @param value       the figure, null where undefined
 * @param numerator   for a ratio or an average, what was counted or summed; else null
 * @param denominator for a ratio or an average, what it was divided by; else null
 * @param unit        count, ratio, money, days or score
 */
public record KpiFigure(String kpi, String grain, LocalDate periodStart, LocalDate periodEnd, String dimension,
                     String member, Double value, Double numerator, Double denominator, String unit) {
    /** The grain and member of a figure over the whole history and everyone. */
    public static final String ALL = "all";

    /** Validates the fields. */
    public KpiFigure {
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(unit, "unit");
        if ((periodStart == null) != grain.equals(ALL)) {
            throw new IllegalArgumentException("KPI " + kpi + ": a period start is given exactly when the grain is "
                    + "not all (grain " + grain + ", start " + periodStart + ")");
        }
    }

    /**
     * @return the key that names this figure in the report and the export:
     *         {@code kpi|grain|periodStart|dimension|member}
     */
    public String key() {
        return key(kpi, grain, periodStart, dimension, member);
    }

    /**
     * @param kpi         the KPI
     * @param grain       the grain
     * @param periodStart the period's first day, or null
     * @param dimension   the dimension
     * @param member      its member
     * @return the key of that figure
     */
    public static String key(String kpi, String grain, LocalDate periodStart, String dimension, String member) {
        return String.join("|", kpi, grain, periodStart == null ? "" : periodStart.toString(), dimension, member);
    }

    /** @return the values after the three columns every table starts with, in the order of the schema */
    List<Object> values() {
        return Arrays.asList(kpi, grain, periodStart, periodEnd, dimension, member, value, numerator, denominator,
                unit);
    }
}
