package dev.custflow.model;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/** When a customer was last in touch, and a short rolling history of interactions. */
final class Engagement {
    final IntArrayList minutes = new IntArrayList(2);
    long lastAt = Long.MIN_VALUE;
    long lastRepContactAt = Times.NEVER;
    int count;

    /** Adds another profile's interactions (a merge), keeping the history sorted and capped. */
    void fold(Engagement other) {
        for (int i = 0; i < other.minutes.size(); i++) {
            int minute = other.minutes.get(i);
            int j = minutes.size();
            while (j > 0 && minutes.get(j - 1) > minute) {
                j--;
            }
            minutes.addAtIndex(j, minute);
        }
        Windows.cap(minutes, Customer.INTERACTION_HISTORY_LIMIT);
        count += other.count;
        lastAt = Math.max(lastAt, other.lastAt);
        lastRepContactAt = Math.max(lastRepContactAt, other.lastRepContactAt);
    }

    void record(long at, InteractionKind kind) {
        int minute = Times.minute(at);
        int i = minutes.size();
        while (i > 0 && minutes.get(i - 1) > minute) {
            i--;
        }
        minutes.addAtIndex(i, minute);
        Windows.cap(minutes, Customer.INTERACTION_HISTORY_LIMIT);
        count++;
        lastAt = Math.max(lastAt, at);
        if (kind.isRepContact()) {
            lastRepContactAt = Math.max(lastRepContactAt, at);
        }
    }
}
