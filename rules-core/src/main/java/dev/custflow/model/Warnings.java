package dev.custflow.model;


/**
 * A customer's open churn warnings: one per cause at most. Causes are interned strings from a small vocabulary, so
 * a handful of references and bytes per customer. Engine use: rules read it through {@link Customer}; the engine's
 * subclass opens and closes warnings.
 */
public abstract class Warnings {
    protected static final String[] NONE = new String[0];

    protected String[] causes = NONE;
    /** {@link Level#ordinal()} of each cause, parallel to {@link #causes}. */
    protected byte[] levels = new byte[0];

    /** Only the engine creates warning lists. */
    protected Warnings() {
    }

    /** @param cause a churn cause @return its index in {@link #causes}, or -1 */
    protected final int indexOf(String cause) {
        for (int i = 0; i < causes.length; i++) {
            if (causes[i].equals(cause)) {
                return i;
            }
        }
        return -1;
    }

    final Level highest() {
        int max = -1;
        for (byte b : levels) {
            max = Math.max(max, b);
        }
        return max < 0 ? null : Level.values()[max];
    }
}
