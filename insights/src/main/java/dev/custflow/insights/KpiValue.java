package dev.custflow.insights;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One KPI's figure in one period and for one dimension value, with what it was computed from.
 *
 * @param kpi         the KPI
 * @param value       the figure, or null when it is absent: a rate without a denominator, a gross margin without any
 *                    order whose cost is known (absent is not zero)
 * @param numerator   what was counted or summed (the difference of promoters and detractors for NPS)
 * @param denominator what it was divided by, or null for counts and sums
 */
public record KpiValue(Kpi kpi, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

    /** Checks the KPI and the numerator are given. */
    public KpiValue {
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(numerator, "numerator");
    }

    /** @return true when there is a figure */
    public boolean isPresent() {
        return value != null;
    }
}
