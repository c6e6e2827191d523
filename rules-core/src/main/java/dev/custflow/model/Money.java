package dev.custflow.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in the fact model is kept in cents (a {@code long}); rules see {@link BigDecimal}s. */
public final class Money {
    private Money() {
    }

    /** @param amount an amount, or null @return cents, rounded half-up; 0 for null */
    public static long cents(BigDecimal amount) {
        return amount == null ? 0 : amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    /** @param cents cents @return the amount */
    public static BigDecimal of(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
