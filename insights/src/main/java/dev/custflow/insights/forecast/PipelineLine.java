package dev.custflow.insights.forecast;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One open opportunity in the weighted pipeline.
 *
 * @param opportunity     the opportunity
 * @param amount          the amount counted: its own, or the typical won amount when it has none
 * @param amountEstimated whether {@code amount} is the typical won amount because it had none
 * @param probability     the chance that it is won, learned from the closed ones ({@link WinRates})
 * @param expected        {@code amount * probability}, to the cent
 */
public record PipelineLine(Opportunity opportunity, BigDecimal amount, boolean amountEstimated, double probability,
                           BigDecimal expected) {
    /** Checks the required fields. */
    public PipelineLine {
        Objects.requireNonNull(opportunity, "opportunity");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(expected, "expected");
    }
}
