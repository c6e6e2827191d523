package dev.custflow.connectors.testkit;

import dev.custflow.ConnectorException;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The smallest store that keeps the contract, for the kit's own tests: a commit builds the next state aside and
 * swaps it in. {@link #atomic} false makes it write in place instead, so the kit's tests can show that the contract
 * catches a store that is not atomic.
 */
final class FakeCustomerStore implements CustomerStore {
    private final boolean atomic;
    private final boolean checksPosition;
    private final Storage storage;
    private boolean failNext;

    /** What survives a close: the fake's "disk". */
    private static final class Storage {
        StoredState state = StoredState.EMPTY;
        Map<String, byte[]> customers = new HashMap<>();
    }

    FakeCustomerStore(boolean atomic, boolean checksPosition) {
        this(atomic, checksPosition, new Storage());
    }

    private FakeCustomerStore(boolean atomic, boolean checksPosition, Storage storage) {
        this.atomic = atomic;
        this.checksPosition = checksPosition;
        this.storage = storage;
    }

    /** @return a new store over the same storage, as after a restart */
    FakeCustomerStore reopened() {
        return new FakeCustomerStore(atomic, checksPosition, storage);
    }

    void failNextCommit() {
        failNext = true;
    }

    @Override
    public StoredState load() {
        return storage.state;
    }

    @Override
    public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
        storage.customers.forEach((id, bytes) -> visitor.accept(id, bytes.clone()));
    }

    @Override
    public void commit(StoreCommit commit) {
        if (checksPosition && commit.position() < storage.state.position()) {
            throw new ConnectorException("fake", "the commit's position " + commit.position()
                    + " is behind the stored position " + storage.state.position(), null);
        }
        Map<String, byte[]> next = atomic ? new HashMap<>(storage.customers) : storage.customers;
        commit.removed().forEach(next::remove);
        commit.customers().forEach((id, bytes) -> next.put(id, bytes.clone()));
        if (failNext) {
            failNext = false;
            throw new ConnectorException("fake", "injected failure half-way", null);
        }
        storage.customers = next;
        Map<String, byte[]> parts = new HashMap<>(storage.state.engineParts());
        commit.removedParts().forEach(parts::remove);
        commit.engineParts().forEach((key, bytes) -> parts.put(key, bytes.clone()));
        storage.state = new StoredState(commit.position(), commit.lastEventId(), parts);
    }
}
