package dev.custflow.spi;

import dev.custflow.action.Action;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch's changes, written atomically by {@link CustomerStore#commit}.
 *
 * @param position    events consumed from the source after this batch
 * @param lastEventId the id of the batch's last event, or null
 * @param engineState the engine's own state after this batch (versioned encoding)
 * @param customers   the snapshots of the customers this batch changed, by id
 * @param removed     customers that no longer exist (merged into another)
 * @param actions     the batch's actions, in delivery order (for an outbox)
 */
public record StoreCommit(long position, String lastEventId, byte[] engineState, Map<String, byte[]> customers,
                          Set<String> removed, List<Action> actions) {

    /** Copies the collections. */
    public StoreCommit {
        customers = Map.copyOf(customers);
        removed = Set.copyOf(removed);
        actions = List.copyOf(actions);
    }
}
