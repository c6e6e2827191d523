package dev.custflow.action;

import dev.custflow.model.OrderItem;
import java.time.Instant;
import java.util.List;

/**
 * Purchasing should buy what an order lacks in stock. JSON type {@code PURCHASE_REQUESTED}.
 *
 * @param id         stable action id
 * @param at         when the engine decided it
 * @param rule       the rule that decided it
 * @param reason     why
 * @param orderId    the order
 * @param customerId the customer
 * @param lines      what to buy: the order's lines of this kind, sku and quantity (empty when the order named none)
 */
public record PurchaseRequested(String id, Instant at, String rule, String reason, String orderId, String customerId,
                  List<OrderItem> lines) implements Action {

    /** Copies the lines; none is an empty list. */
    public PurchaseRequested {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * The form before the lines were added (issue 18).
     *
     * @param id         stable action id
     * @param at         when the engine decided it
     * @param rule       the rule that decided it
     * @param reason     why
     * @param orderId    the order
     * @param customerId the customer
     */
    public PurchaseRequested(String id, Instant at, String rule, String reason, String orderId, String customerId) {
        this(id, at, rule, reason, orderId, customerId, List.of());
    }

    @Override
    public String type() {
        return "PURCHASE_REQUESTED";
    }
}
