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
     * It keeps the latest snapshot of every customer and the engine state's parts as last committed (a few hundred bytes each, besides the engine's own profile),
     * and ignores the actions (it has no outbox). For tests, and for hosts that snapshot it elsewhere themselves.
     *
     * @return an empty store
     */
    public static CustomerStore inMemory() {
        return new InMemory();
    }

    private static final class InMemory implements CustomerStore {
        private final Map<String, byte[]> customers = new HashMap<>();
        private final Map<String, byte[]> engineParts = new HashMap<>();
        private long position;
        private String lastEventId;

        @Override
        public synchronized StoredState load() {
            Map<String, byte[]> parts = new HashMap<>();
            engineParts.forEach((k, v) -> parts.put(k, v.clone()));
            return new StoredState(position, lastEventId, parts);
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
            if (commit.position() < position) {
                throw new dev.custflow.ConnectorException("in-memory store", "commit refused: it is at position " + commit.position()
                        + ", behind the stored " + position + " (another engine, or a stale one, on this store)", null);
            }
            commit.removed().forEach(customers::remove);
            // the engine hands over fresh arrays at every commit and never touches them again: kept as they are
            customers.putAll(commit.customers());
            commit.removedParts().forEach(engineParts::remove);
            engineParts.putAll(commit.engineParts());
            position = commit.position();
            lastEventId = commit.lastEventId();
        }

        @Override
        public synchronized String toString() {
            return "in-memory store (" + customers.size() + " customers, position " + position + ")";
        }
    }
}
