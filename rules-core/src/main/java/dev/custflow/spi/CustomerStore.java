package dev.custflow.spi;

import java.util.function.BiConsumer;

/**
 * Where the engine keeps its state between runs, so that a restarted engine goes on exactly where the last one
 * stopped (docs/design/architecture.md, "Restart"). Version 1 of this SPI (not released before the engine state came in keyed parts).
 *
 * <p>The engine calls {@link #commit} once per batch of events, after the batch is decided and before its actions
 * are handed to the {@link ActionSink}: the snapshots of the customers the batch changed, the customers it removed
 * (merged into another, or erased by a CustomerErased: a store deletes them, keeping no copy), the parts of the engine's own state (indexes, turns, deadlines, the clock) the batch
 * changed and the keys of those it removed, the position reached in the event source, and the batch's actions. An implementation writes all of it <b>atomically</b> (one
 * transaction), so that after any crash the state, the position and the actions agree; a store with an outbox
 * keeps the actions for a relay to deliver, a store without one may ignore them. A failed commit throws and
 * the engine stops: what was not committed is decided again from the position on.
 *
 * <p>Snapshots and the engine state parts are opaque bytes in the engine's versioned encoding: a store keeps them
 * as they are, each part under its key (a string of at most 100 characters), replacing a part a commit gives again
 * and deleting one a commit removes; {@link #load} returns every part kept. The engine keeps its large windows
 * (recent event and action ids, order and ticket owners) in fixed-size segments, so that a commit carries the
 * newest segments and the small main part, not the whole state. Calls come from one engine thread at a time; {@link #load} and {@link #forEachCustomer} are called when
 * an engine starts, before any commit, {@code forEachCustomer} after {@code load} has returned and on a thread of the
 * engine's own (it reads the customers while the building thread restores the engine state).
 */
public interface CustomerStore extends AutoCloseable {

    /** @return the position, clock and engine state of the last commit, or {@link StoredState#EMPTY} for a new store */
    StoredState load();

    /**
     * Hands every stored customer to the visitor, in any order. When the visitor throws, the store stops and lets the
     * exception pass (the engine stops a load this way when its build fails).
     *
     * @param visitor receives each customer id and snapshot
     */
    void forEachCustomer(BiConsumer<String, byte[]> visitor);

    /**
     * Writes one batch atomically. The position only moves forward: a commit behind the stored position (a second
     * engine on the store, or a stale one) is refused and changes nothing; the same position again is allowed.
     *
     * @param commit what the batch changed
     * @throws dev.custflow.ConnectorException if it cannot be written (nothing of it may remain) or is behind the
     *                                         stored position
     */
    void commit(StoreCommit commit);

    /** Releases connections; the default does nothing. */
    @Override
    default void close() {
    }
}
