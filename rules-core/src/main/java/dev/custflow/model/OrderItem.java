package dev.custflow.model;

/**
 * One line of an order as the profile keeps it: which product and how many.
 *
 * @param sku      the product
 * @param quantity how many (1 when the order line gave none)
 */
public record OrderItem(String sku, int quantity) {

    /** @return "2 x PUMP-200", as reasons show a line */
    @Override
    public String toString() {
        return quantity + " x " + sku;
    }
}
