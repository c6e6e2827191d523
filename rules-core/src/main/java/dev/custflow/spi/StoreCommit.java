package dev.custflow.spi;

import dev.custflow.action.Action;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch's changes, written atomically by {@link CustomerStore#commit}.
 *
 * <p>The engine state is kept in keyed parts (a part key such as {@code "state"} or {@code "ids.events.12"}), and a
 * commit carries only the parts the batch changed and the keys of those it removed: a store replaces each part
 * given, deletes each removed one, and keeps every other part as it is. The size of a commit is proportional to
 * what the batch changed, not to the engine's history.
 *
 * @param position     events consumed from the source after this batch
 * @param lastEventId  the id of the batch's last event, or null
 * @param engineParts  the parts of the engine's own state this batch changed (versioned encoding), by key
 * @param removedParts the keys of the engine state parts to delete (never one of {@code engineParts})
 * @param customers    the snapshots of the customers this batch changed, by id
 * @param removed      customers that no longer exist (merged into another, or erased: delete every trace of them)
 * @param actions      the batch's actions, in delivery order (for an outbox)
 */
public record StoreCommit(long position, String lastEventId, Map<String, byte[]> engineParts,
                          Set<String> removedParts, Map<String, byte[]> customers, Set<String> removed,
                          List<Action> actions) {

    /** Copies the collections. */
    public StoreCommit {
        engineParts = Map.copyOf(engineParts);
        removedParts = Set.copyOf(removedParts);
        for (String key : removedParts) {
            if (engineParts.containsKey(key)) {
                throw new IllegalArgumentException("engine state part " + key + " is both written and removed");
            }
        }
        customers = Map.copyOf(customers);
        removed = Set.copyOf(removed);
        actions = List.copyOf(actions);
    }
}
