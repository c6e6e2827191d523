package dev.custflow.internal.runtime;

import dev.custflow.internal.index.Emitted;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch as the engine plans it in stream order, one {@link Step} per position, and each partition's walk over a
 * range of it. The plan is written on the engine's thread only; the partitions read it while they walk.
 */
final class BatchPlan {
    private final Step[] steps;
    private int size;

    /** @param capacity the number of positions of the batch */
    BatchPlan(int capacity) {
        this.steps = new Step[capacity];
    }

    /** Plans the next position. */
    void add(Step step) {
        steps[size++] = step;
    }

    /** Re-plans a position not walked yet (a capture merges the lead into another record, adds facts). */
    void set(int position, Step step) {
        if (position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " is not planned yet (" + size + " are)");
        }
        steps[position] = step;
    }

    Step step(int position) {
        if (position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " is not planned yet (" + size + " are)");
        }
        return steps[position];
    }

    int size() {
        return size;
    }

    /**
     * One partition's pass over the positions {@code [from, to)}: at a clock step it wakes its due customers, then
     * does the position's work, then applies the event if it is its own (or everyone's).
     *
     * @return what the partition emitted, in its own order
     */
    List<Emitted> walk(Partition p, int from, int to) {
        List<Emitted> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Step s = steps[i];
            if (s.skipped()) {
                continue;
            }
            if (s.clockStep()) {
                p.advance(s.clock(), i, out);
            }
            if (!s.work().isEmpty()) {
                for (PartitionWork w : s.work()) {
                    w.run(p, i, s.clock());
                }
            }
            if (s.appliesOn(p.index())) {
                p.apply(s.event(), s.customerId(), s.clock(), i, out, s.facts());
            }
        }
        return out;
    }
}
