package dev.custflow.model;

/**
 * The products (SKUs) a customer has bought, each with when it was first and last bought: what the
 * cross-sell rules ask ("bought A more than 6 months ago, never B"). SKUs are interned; the engine
 * keeps a limited number, the least recently bought forgotten first. Engine use: rules read it through
 * {@link Customer}; the engine's subclass writes it.
 */
public abstract class Products {
    protected String[] skus = new String[0];
    protected int[] firstMinute = new int[0];
    protected int[] lastMinute = new int[0];

    /** Only the engine creates product lists. */
    protected Products() {
    }

    /** @param sku a product code @return its index in {@link #skus}, or -1 */
    protected final int indexOf(String sku) {
        for (int i = 0; i < skus.length; i++) {
            if (skus[i].equals(sku)) {
                return i;
            }
        }
        return -1;
    }
}
