package dev.custflow.event;

import dev.custflow.EventRejectedException;
import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param sku      the product
 * @param quantity how many
 * @param amount   line amount
 */
public record OrderLine(String sku, Integer quantity, BigDecimal amount) {

    /** Validates the line: sku required, quantity positive, amount not negative. */
    public OrderLine {
        if (sku == null || sku.isBlank()) {
            throw EventRejectedException.ofField("OrderPlaced", "lines[].sku", sku,
                    "every order line needs a sku");
        }
        Check.optionalId("OrderPlaced", "lines[].sku", sku);
        if (quantity != null && quantity <= 0) {
            throw EventRejectedException.ofField("OrderPlaced", "lines[].quantity", quantity,
                    "must be greater than 0");
        }
        Check.amount("OrderPlaced", "lines[].amount", amount, null);
    }
}
