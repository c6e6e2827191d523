package dev.custflow.internal.runtime;

import dev.custflow.internal.profile.CustomerRecord;

import dev.custflow.ConnectorException;
import dev.custflow.action.Action;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An engine's commits to its store: the last one loaded into a freshly built engine, then one written per call
 * with what the call changed (customers, engine state parts) and its actions.
 */
final class Commits {
    private final CustomerStore store;
    private final Snapshots.EngineParts parts;
    private final BatchRunner runner;

    Commits(CustomerStore store, Snapshots.EngineParts parts, BatchRunner runner) {
        this.store = store;
        this.parts = parts;
        this.runner = runner;
    }

    /**
     * Loads the last commit: the engine state, then every customer into its partition, its due time and risk. The
     * customers are read and decoded on a thread of their own ({@link CustomerLoad}) while this one restores the
     * engine state parts; they are placed here, in the store's order, as a sequential load would.
     *
     * @return what was stored (the position and last event id among it)
     */
    StoredState resume() {
        for (Partition p : parts.partitions()) {
            p.trackChanges();
        }
        parts.router().keepForSnapshots();
        parts.actionIds().keepForSnapshots();
        StoredState state = call("loading the engine state", store::load);
        try (CustomerLoad customers = CustomerLoad.start(store)) {
            if (!state.engineParts().isEmpty()) {
                runner.clock(Snapshots.restoreEngine(state.engineParts(), parts));
            }
            long clock = runner.clock();
            call("loading the customers", () -> {
                customers.drain(c -> {
                    c.nowMillis(clock == Long.MIN_VALUE ? c.getCreatedAt().toEpochMilli() : clock);
                    runner.partitionFor(c.getId()).restore(c);
                });
                return null;
            });
        }
        return state;
    }

    /**
     * Writes the customers this call changed, those it merged away, the engine state parts it changed (and those it
     * left behind) and the actions.
     */
    void commit(long position, String lastEventId, List<Action> actions) {
        Map<String, byte[]> changed = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (Partition p : parts.partitions()) {
            p.drainChanges(c -> changed.put(c.getId(), Snapshots.customer(c)), removed::add);
        }
        Snapshots.EngineDelta state = Snapshots.engine(runner.clock(), parts);
        StoreCommit commit = new StoreCommit(position, lastEventId, state.parts(), state.removed(), changed, removed,
                actions);
        call("committing position " + position, () -> {
            store.commit(commit);
            return null;
        });
    }

    private <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConnectorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConnectorException(store.getClass().getName(), what + " failed", e);
        }
    }
}
