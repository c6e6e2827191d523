package dev.custflow.spi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Ready-made {@link CustomerStore}s. */
public final class CustomerStores {
    private CustomerStores() {
    }

    /**
     * A store in this JVM's memory: it survives the engine (build a new engine on it to resume, as after a crash),
     * not the process. Thread-safe; a commit is applied whole under a lock, so a reader never sees half of one.
     * It keeps the latest snapshot of every customer (a few hundred bytes each, besides the engine's own profile),
     * and ignores the actions (it has no outbox). For tests, and for hosts that snapshot it elsewhere themselves.
     *
     * @return an empty store
     */
    public static CustomerStore inMemory() {
        return new InMemory();
    }

    private static final class InMemory implements CustomerStore {
        private final Map<String, byte[]> customers = new HashMap<>();
        private StoredState state = StoredState.EMPTY;

        @Override
        public synchronized StoredState load() {
            return new StoredState(state.position(), state.lastEventId(),
                    state.engineState() == null ? null : state.engineState().clone());
        }

        @Override
        public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
            List<Map.Entry<String, byte[]>> entries;
            synchronized (this) {
                entries = List.copyOf(customers.entrySet());
            }
            entries.forEach(e -> visitor.accept(e.getKey(), e.getValue().clone()));
        }

        @Override
        public synchronized void commit(StoreCommit commit) {
            if (commit.position() < state.position()) {
                throw new dev.custflow.ConnectorException("in-memory store", "commit refused: it is at position " + commit.position()
                        + ", behind the stored " + state.position() + " (another engine, or a stale one, on this store)", null);
            }
            commit.removed().forEach(customers::remove);
            // the engine hands over fresh arrays at every commit and never touches them again: kept as they are
            customers.putAll(commit.customers());
            state = new StoredState(commit.position(), commit.lastEventId(), commit.engineState());
        }

        @Override
        public synchronized String toString() {
            return "in-memory store (" + customers.size() + " customers, position " + state.position() + ")";
        }
    }
}
