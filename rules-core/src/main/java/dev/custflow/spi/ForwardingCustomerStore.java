package dev.custflow.spi;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A store that hands every call to another one: extend it to add something around a store without writing the
 * calls it does not change, for example metrics or logging around {@link #commit}, or a failure at a chosen commit
 * in a test.
 *
 * <pre>{@code
 * CustomerStore timed = new ForwardingCustomerStore(jdbcStore) {
 *     @Override
 *     public void commit(StoreCommit commit) {
 *         long t0 = System.nanoTime();
 *         super.commit(commit);
 *         commitTimer.record(System.nanoTime() - t0);
 *     }
 * };
 * }</pre>
 */
public abstract class ForwardingCustomerStore implements CustomerStore {
    private final CustomerStore delegate;

    /** @param delegate the store that does the work */
    protected ForwardingCustomerStore(CustomerStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** @return the store that does the work */
    protected CustomerStore delegate() {
        return delegate;
    }

    @Override
    public StoredState load() {
        return delegate.load();
    }

    @Override
    public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
        delegate.forEachCustomer(visitor);
    }

    @Override
    public void commit(StoreCommit commit) {
        delegate.commit(commit);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
