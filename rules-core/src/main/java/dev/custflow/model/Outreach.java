package dev.custflow.model;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * What the policy gate needs to know about one customer: channels opted out of, when marketing
 * messages went out (for the frequency cap) and when the messages held for quiet hours go out (the
 * messages themselves are kept by the engine's subclass). Allocated on the first opt-out or message, so
 * customers who are never messaged pay nothing. Engine use: rules read it through {@link Customer}.
 */
public abstract class Outreach {
    /** Bit per {@link Channel#ordinal()}: opted out by a ConsentChanged event. */
    protected byte optedOut;
    /** Epoch minutes of the marketing messages sent, oldest first, only as far back as the cap's window. */
    protected final IntArrayList marketingSent = new IntArrayList(0);
    /** Epoch millis at which each held message goes out, in request order. */
    protected long[] heldUntil = new long[0];

    /** Only the engine creates outreach records. */
    protected Outreach() {
    }

    /** @return how many messages are held for quiet hours */
    protected abstract int heldCount();

    final boolean isOptedOut(Channel c) {
        return (optedOut & (1 << c.ordinal())) != 0;
    }

    final int marketingSince(int minute) {
        int n = 0;
        for (int i = marketingSent.size() - 1; i >= 0 && marketingSent.get(i) > minute; i--) {
            n++;
        }
        return n;
    }

    final long nextRelease() {
        long min = Long.MAX_VALUE;
        for (long u : heldUntil) {
            min = Math.min(min, u);
        }
        return min;
    }
}
