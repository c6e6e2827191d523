package dev.custflow.internal.runtime;

import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import java.time.Instant;
import java.util.List;

/**
 * One position of a batch as the engine planned it in stream order: what every partition does there.
 *
 * @param line       the source line of the input, or 0
 * @param event      the event, or null for an input rejected while it was read
 * @param customerId the customer the event goes to (the survivor when a capture merged it), or null when skipped
 * @param partition  the partition that applies the event, {@link #BROADCAST} for all, {@link #SKIPPED} for none
 *                   (rejected or duplicate)
 * @param clock      the engine clock at the event
 * @param clockStep  true when the clock moved forward here: every partition first wakes the customers due by then
 * @param facts      facts the engine adds to the event's evaluation (a merge, an assignment offer)
 * @param work       what every partition does here after the wake-ups and before the event
 */
record Step(long line, Event event, String customerId, int partition, long clock, boolean clockStep,
            List<Object> facts, List<PartitionWork> work) {
    /** The partition of a step every partition applies (a campaign, a rep, a tick). */
    static final int BROADCAST = -1;
    /** The partition of a step nobody applies. */
    static final int SKIPPED = -2;

    /** @return the step of an input the engine did not accept */
    static Step skipped(Input in) {
        return new Step(in.line(), in.event(), null, SKIPPED, 0, false, List.of(), List.of());
    }

    /**
     * @return the step of work the engine does at a moment of its own (a deadline, a recompute), to which the rule
     *         failures of that work are reported
     */
    static Step tick(String cause, long at) {
        return new Step(0, new ClockTick(cause, Instant.ofEpochMilli(at)), null, SKIPPED, at, false, List.of(),
                List.of());
    }

    /** @return the partition of a customer, out of {@code partitions} */
    static int partitionOf(String customerId, int partitions) {
        return partitionOf(customerId.hashCode(), partitions);
    }

    /** {@link #partitionOf(String, int)} of an id with this hash. */
    static int partitionOf(int idHash, int partitions) {
        return Math.floorMod(idHash, partitions);
    }

    boolean skipped() {
        return partition == SKIPPED;
    }

    /** @return true when partition {@code index} applies the event */
    boolean appliesOn(int index) {
        return partition == BROADCAST || partition == index;
    }

    /** @return this step, the event going to {@code id} in {@code part} instead (a merge chose another record) */
    Step routedTo(String id, int part) {
        return new Step(line, event, id, part, clock, clockStep, facts, work);
    }

    /** @return this step with the facts the engine adds to the event's evaluation */
    Step withFacts(List<Object> extra) {
        return new Step(line, event, customerId, partition, clock, clockStep, List.copyOf(extra), work);
    }
}
