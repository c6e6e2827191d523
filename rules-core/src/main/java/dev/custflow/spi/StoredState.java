package dev.custflow.spi;

import java.util.Map;

/**
 * What a {@link CustomerStore} holds besides the customers: how far the engine got and its own state.
 *
 * @param position    events consumed from the source so far (the next event to read is number {@code position},
 *                    counting from 0); 0 for a new store
 * @param lastEventId the id of the last event consumed, or null
 * @param engineParts every part of the engine's own state, by key, in its versioned encoding: each part as last
 *                    committed, none of those a commit removed since; empty for a new store
 */
public record StoredState(long position, String lastEventId, Map<String, byte[]> engineParts) {
    /** A store nothing was committed to. */
    public static final StoredState EMPTY = new StoredState(0, null, Map.of());

    /** Copies the map. */
    public StoredState {
        engineParts = Map.copyOf(engineParts);
    }
}
