package dev.custflow.model;

/** The fulfilment status of an order ({@code OrderStatusChanged.status}). */
public enum OrderStatus {
    PLACED, APPROVED, STOCK_SHORT, IN_PRODUCTION, READY, SHIPPED, DELIVERED, CANCELLED, RETURNED;

    /** @return true if the order will not move any more (its tracking entry can be folded away) */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED || this == RETURNED;
    }
}
