package dev.custflow.internal.index;

import dev.custflow.action.Action;
import dev.custflow.spi.AuditEntry.Outcome;
import java.util.Comparator;

/**
 * An action with its place in the engine's deterministic order: the stream position of what caused
 * it, wake-ups before the event at that position, then due time, customer id and firing order.
 * Sorting by this key makes the output independent of the number of partitions. The policy gate's
 * verdict travels with it: only EMITTED actions reach the host; the others are audited.
 */
public record Emitted(Action action, int position, int phase, long due, String customerId, int seq, String cause,
               Outcome outcome, String note, long until) {
    public static final int PHASE_WAKE = 0;
    public static final int PHASE_EVENT = 1;
    /** Evaluations the engine runs because of what a position emitted (a referrer credited), after the event's. */
    public static final int PHASE_FOLLOW_UP = 2;

    public static final Comparator<Emitted> ORDER = Comparator.comparingInt(Emitted::position)
            .thenComparingInt(Emitted::phase)
            .thenComparingLong(Emitted::due)
            .thenComparing(Emitted::customerId)
            .thenComparingInt(Emitted::seq);
}
