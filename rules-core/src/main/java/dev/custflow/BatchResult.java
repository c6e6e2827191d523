package dev.custflow;

import dev.custflow.action.Action;
import java.util.List;

/**
 * What one engine call did: the actions emitted (also delivered to the sink), the events rejected,
 * and how many were accepted or ignored as duplicates.
 *
 * @param actions    the actions emitted, in the engine's deterministic order
 * @param rejections the events rejected, each with its line, field and value
 * @param accepted   events accepted and applied
 * @param duplicates events ignored because their id was already seen
 */
public record BatchResult(List<Action> actions, List<Rejection> rejections, int accepted, int duplicates) {

    /** Copies the lists. */
    public BatchResult {
        actions = List.copyOf(actions);
        rejections = List.copyOf(rejections);
    }
}
