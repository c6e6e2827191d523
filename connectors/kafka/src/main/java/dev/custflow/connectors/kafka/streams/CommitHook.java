package dev.custflow.connectors.kafka.streams;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A state store that holds nothing and lets a task's processor run its pending batch just before Kafka Streams
 * commits the task. Kafka Streams has no public "before commit" callback for processors, and a batch still pending
 * when the input offsets commit would be lost under {@code exactly_once_v2} (its offsets committed, its state and
 * actions not written). What runs at that moment, on every commit path (the commit interval, a rebalance, a clean
 * close, in a {@code TopologyTestDriver} after every record), is the flush of the stores' caches: a task's commit
 * flushes the caches of its stores first, so that what they forward goes out in the same transaction, then flushes
 * the producer, then takes the input offsets. Kafka Streams 4.3's {@code StreamTask.prepareCommit} calls
 * {@code ProcessorStateManager.flushCache}, which calls {@code flushCache()} on every store that is a
 * {@link CachedStateStore}; this store is one (an internal interface of Kafka Streams: see docs/kafka.md, "Batches",
 * for what to check on a Kafka upgrade; the topology's tests fail if the hook stops being called).
 */
final class CommitHook implements StateStore, CachedStateStore<Object, Object> {
    private final String name;
    private Runnable beforeCommit = () -> { };
    private boolean open;

    CommitHook(String name) {
        this.name = name;
    }

    /** @param action what to run before every commit of the task (replaces the previous one) */
    void beforeCommit(Runnable action) {
        this.beforeCommit = Objects.requireNonNull(action, "action");
    }

    @Override
    public void flushCache() {
        beforeCommit.run();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void clearCache() {
        // nothing cached: the processor drops its pending batch itself when the task is closed or revived
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> { }); // no changelog: nothing to restore
        open = true;
    }

    @Override
    public void close() {
        open = false;
        beforeCommit = () -> { };
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Builds one hook per task; nothing to log or cache. */
    static final class Builder implements StoreBuilder<CommitHook> {
        private final String name;

        Builder(String name) {
            this.name = name;
        }

        @Override
        public StoreBuilder<CommitHook> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<CommitHook> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<CommitHook> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("the commit hook holds nothing to log");
        }

        @Override
        public StoreBuilder<CommitHook> withLoggingDisabled() {
            return this;
        }

        @Override
        public CommitHook build() {
            return new CommitHook(name);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
