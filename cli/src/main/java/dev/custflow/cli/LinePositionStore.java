package dev.custflow.cli;

import dev.custflow.connectors.jsonl.JsonLinesEventSource;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.ForwardingCustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store of {@code replay --store}: every commit records the lines the events file was read to as the position,
 * where the engine would put the number of events it was given. A replay resumes by line, blank and unreadable lines
 * included, as stores written by earlier versions of the command line expect; an engine built on this store starts
 * with {@code position()} at that line.
 */
final class LinePositionStore extends ForwardingCustomerStore {
    private final JsonLinesEventSource source;
    private long committed;
    private String lastEventId;

    /**
     * @param store  the store that keeps the state
     * @param source the events file whose lines are the position
     */
    LinePositionStore(CustomerStore store, JsonLinesEventSource source) {
        super(store);
        this.source = source;
    }

    @Override
    public StoredState load() {
        StoredState state = super.load();
        committed = state.position();
        lastEventId = state.lastEventId();
        return state;
    }

    @Override
    public void commit(StoreCommit commit) {
        long lines = source.position();
        super.commit(new StoreCommit(lines, commit.lastEventId(), commit.engineParts(), commit.removedParts(),
                commit.customers(), commit.removed(), commit.actions()));
        committed = lines;
        lastEventId = commit.lastEventId();
    }

    /**
     * Commits the position alone when lines were read that gave the engine nothing to apply (every one unreadable),
     * so that the next run does not report them again.
     */
    void commitLinesWithoutEvents() {
        if (committed < source.position()) {
            commit(new StoreCommit(committed, lastEventId, Map.of(), Set.of(), Map.of(), Set.of(), List.of()));
        }
    }
}
