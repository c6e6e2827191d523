package dev.custflow.model;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * When a customer was last in touch, and a short rolling history of interactions. Engine use: rules read it through
 * {@link Customer}; the engine's subclass writes it.
 */
public abstract class Engagement {
    protected final IntArrayList minutes = new IntArrayList(2);
    protected long lastAt = Long.MIN_VALUE;
    protected long lastRepContactAt = Times.NEVER;
    protected int count;

    /** Only the engine creates engagement histories. */
    protected Engagement() {
    }
}
