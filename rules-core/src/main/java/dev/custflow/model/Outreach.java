package dev.custflow.model;

import dev.custflow.action.Channel;
import dev.custflow.action.MessageRequested;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * What the policy gate needs to know about one customer: channels opted out of, when marketing
 * messages went out (for the frequency cap) and the messages held for quiet hours. Allocated on
 * the first opt-out or message, so customers who are never messaged pay nothing.
 */
final class Outreach {
    /** Bit per {@link Channel#ordinal()}: opted out by a ConsentChanged event. */
    byte optedOut;
    /** Epoch minutes of the marketing messages sent, oldest first, only as far back as the cap's window. */
    final IntArrayList marketingSent = new IntArrayList(0);
    /** Messages held until quiet hours end, with the epoch millis of their release, in request order. */
    List<MessageRequested> held;
    long[] heldUntil = new long[0];

    /** Takes over another profile's channel opt-outs (a merge): an opt-out is never lost. */
    void foldConsent(Outreach other) {
        optedOut |= other.optedOut;
    }

    boolean isOptedOut(Channel c) {
        return (optedOut & (1 << c.ordinal())) != 0;
    }

    void consent(Channel c, boolean out) {
        optedOut = (byte) (out ? optedOut | (1 << c.ordinal()) : optedOut & ~(1 << c.ordinal()));
    }

    int marketingSince(int minute) {
        int n = 0;
        for (int i = marketingSent.size() - 1; i >= 0 && marketingSent.get(i) > minute; i--) {
            n++;
        }
        return n;
    }

    void recordMarketing(int minute, int forgetBefore) {
        int i = marketingSent.size();
        while (i > 0 && marketingSent.get(i - 1) > minute) {
            i--;
        }
        marketingSent.addAtIndex(i, minute);
        while (!marketingSent.isEmpty() && marketingSent.get(0) <= forgetBefore) {
            marketingSent.removeAtIndex(0);
        }
    }

    void hold(MessageRequested m, long until) {
        if (held == null) {
            held = new ArrayList<>(2);
        }
        held.add(m);
        long[] u = new long[heldUntil.length + 1];
        System.arraycopy(heldUntil, 0, u, 0, heldUntil.length);
        u[heldUntil.length] = until;
        heldUntil = u;
    }

    long nextRelease() {
        long min = Long.MAX_VALUE;
        for (long u : heldUntil) {
            min = Math.min(min, u);
        }
        return min;
    }

    /**
     * Removes and returns the held messages due at {@code clock}, in the order they were requested,
     * each stamped with the instant it was released (its id stays: it is the same message).
     */
    List<MessageRequested> release(long clock) {
        if (held == null || held.isEmpty()) {
            return List.of();
        }
        List<MessageRequested> out = new ArrayList<>();
        List<MessageRequested> keep = new ArrayList<>();
        long[] keepUntil = new long[heldUntil.length];
        int k = 0;
        for (int i = 0; i < held.size(); i++) {
            if (heldUntil[i] <= clock) {
                MessageRequested m = held.get(i);
                out.add(new MessageRequested(m.id(), java.time.Instant.ofEpochMilli(heldUntil[i]), m.rule(),
                        m.reason(), m.customerId(), m.channel(), m.template(), m.params()));
            } else {
                keep.add(held.get(i));
                keepUntil[k++] = heldUntil[i];
            }
        }
        held = keep.isEmpty() ? null : keep;
        heldUntil = java.util.Arrays.copyOf(keepUntil, k);
        return out;
    }

    int heldCount() {
        return held == null ? 0 : held.size();
    }
}
