package dev.custflow.internal.runtime;

import dev.custflow.internal.profile.CustomerRecord;

import dev.custflow.internal.index.Emitted;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pack whose state spans customers (an index over every lead, a schedule over the whole base, a desk of reps):
 * the engine's extension point for them. The partitions each hold a share of the customers and walk a batch in
 * parallel, so such state is touched only on the engine's thread, at the points of the stream the pack asks for,
 * with every partition idle and up to date. A decision then depends on the stream alone, never on the number of
 * partitions or on how the stream was cut into batches.
 *
 * <p>At each accepted event the engine asks every pack that is on, in the order of {@link CrossCustomerPacks}:
 * <ol>
 * <li>{@link #resolve} the event's customer id;</li>
 * <li>{@link #hasWorkDue}: if any pack has work timed by the event (a deadline, a weekly recompute), the batch is
 * cut before the event and the packs' timed work runs in time order ({@link #nextDue}, {@link #runDue});</li>
 * <li>{@link #onClockStep} when the clock moves forward at the event;</li>
 * <li>{@link #factsOf}: facts a pack adds to the event's evaluation from its state at this point of the stream;</li>
 * <li>{@link #captures}: an event a pack must handle alone (a lead to merge or to hand out) cuts the batch before
 * it, gets {@link #onCapture} from every pack and runs alone between {@link #openCapture} and
 * {@link #closeCapture}. Any other event gets {@link #onEvent}, then {@link #afterEvent} right after it ran for the
 * packs that asked.</li>
 * </ol>
 * A {@code CustomerErased} runs alone too, but no pack captures or handles it: the engine erases the record
 * ({@link Erasure}) and asks every pack for the ids that lead to it ({@link #aliases}), then has each forget them
 * ({@link #erasing}).
 * After each range of the batch the partitions walked, {@link #afterRange}; after the engine's own work at a moment
 * of its own, {@link #afterWork}; at the end of a call, {@link #endCall}.
 * A pack that is off is not in the list. Every hook does nothing unless a pack overrides it.
 */
interface CrossCustomerPack {

    /**
     * @param customerId the customer an event names (routed by the engine)
     * @return the record that customer lives in now (a merged lead's survivor)
     */
    default String resolve(String customerId) {
        return customerId;
    }

    /**
     * Called once per accepted event, before the clock steps to it. A pack that learns here of work the step
     * passes (a weekly moment) keeps it for {@link #runDue}.
     *
     * @param clock the engine clock before the event ({@code Long.MIN_VALUE} before the first)
     * @param t     the event's time
     * @return true when this pack has work timed at or before {@code max(clock, t)}
     */
    default boolean hasWorkDue(long clock, long t) {
        return false;
    }

    /** @return the time of this pack's earliest timed work, or {@link Long#MAX_VALUE} */
    default long nextDue() {
        return Long.MAX_VALUE;
    }

    /**
     * @return when the clock must reach next for this pack's timed work to run: its pending work, or a moment that
     *         makes work (a weekly recompute), or {@link Long#MAX_VALUE}; what a live engine's timer waits for
     */
    default long nextWake() {
        return nextDue();
    }

    /** Runs this pack's earliest timed work (at {@link #nextDue}), with every partition up to date. */
    default void runDue(PackContext ctx) {
    }

    /**
     * @param from the clock before the step ({@code Long.MIN_VALUE} before the first event)
     * @param to   the clock after it
     * @return what every partition does at the event's position (after its wake-ups, before the event), or null
     */
    default PartitionWork onClockStep(long from, long to) {
        return null;
    }

    /**
     * Called for every accepted event after its clock step, in stream order: what this pack knows of the event from
     * its own state at this point of the stream, as facts for the event's evaluation (a referral code's referrer).
     * The event need not run alone for it: the facts are values, fixed here, whichever partition runs the event.
     *
     * @param facts receives this pack's facts
     */
    default void factsOf(Step step, List<Object> facts) {
    }

    /**
     * Called for every accepted event after {@link #factsOf}; a pack may keep what it found for {@link #onCapture}
     * or {@link #onEvent} of the same event.
     *
     * @return true when the event must run alone, with every partition up to date
     */
    default boolean captures(Step step) {
        return false;
    }

    /**
     * Called on every pack for an event that runs alone, before it runs.
     *
     * @param step  the event's step, as the packs before this one left it
     * @param facts facts to add to the event's evaluation; this pack may add its own
     * @return the step to run (the same, or routed to another record)
     */
    default Step onCapture(Step step, List<Object> facts, PackContext ctx) {
        return step;
    }

    /** The event that runs alone starts its evaluation. */
    default void openCapture() {
    }

    /** The event that runs alone ended its evaluation (also when a rule failed). */
    default void closeCapture() {
    }

    /**
     * Called for every accepted event that does not run alone, before it runs (with the rest of its range).
     *
     * @return true when this pack needs {@link #afterEvent} right after the event ran
     */
    default boolean onEvent(Step step) {
        return false;
    }

    /** Runs after the event this pack asked for in {@link #onEvent}, with every partition up to date. */
    default void afterEvent(PackContext ctx) {
    }

    /**
     * The partitions walked a range of the plan and are idle; nothing is delivered yet.
     *
     * @param merged what they emitted; this pack may add its own
     */
    default void afterRange(BatchPlan plan, List<Emitted> merged, PackContext ctx) {
    }

    /**
     * The engine's own work at a moment of its own (a deadline, a recompute, an offer of waiting leads) emitted these,
     * with every partition idle; nothing of it is delivered yet.
     *
     * @param out what that work emitted; this pack may add its own
     */
    default void afterWork(List<Emitted> out, PackContext ctx) {
    }

    /** The call's events all ran. */
    default void endCall(PackContext ctx) {
    }

    /**
     * A record is merged into another (a duplicate lead), before the survivor takes in its history.
     *
     * @param id       the id merged away
     * @param merged   its record, out of its partition already; null when the id had none
     * @param survivor the record it is merged into
     */
    default void merging(String id, CustomerRecord merged, CustomerRecord survivor) {
    }

    /**
     * @param id a record being erased (resolved)
     * @return the other ids that lead to it (duplicates merged into it); none unless the pack merges records
     */
    default Set<String> aliases(String id) {
        return Set.of();
    }

    /**
     * A person is erased (CustomerErased): this pack forgets everything it holds about them, in memory and, at the
     * next {@link #writeParts}, in its stored parts.
     *
     * @param ids    the erased record's id and its {@link #aliases}
     * @param erased the record, out of its partition already; null when the id had none
     */
    default void erasing(Set<String> ids, CustomerRecord erased) {
    }

    /**
     * Adds this pack's own engine state parts (keys of its own, beside the main part) that changed since the last
     * call, all of them at the first.
     *
     * @param parts   receives each part by key
     * @param removed receives the keys of parts to delete
     */
    default void writeParts(Map<String, byte[]> parts, Set<String> removed) {
    }

    /**
     * Restores this pack from the parts {@link #writeParts} stored (none when the pack was off then).
     *
     * @param stored every engine state part of the last commit
     */
    default void restoreParts(Map<String, byte[]> stored) {
    }
}
