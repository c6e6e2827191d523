package dev.custflow.spi;

/**
 * What a {@link CustomerStore} holds besides the customers: how far the engine got and its own state.
 *
 * @param position    events consumed from the source so far (the next event to read is number {@code position},
 *                    counting from 0); 0 for a new store
 * @param lastEventId the id of the last event consumed, or null
 * @param engineState the engine's own state in its versioned encoding, or null for a new store
 */
public record StoredState(long position, String lastEventId, byte[] engineState) {
    /** A store nothing was committed to. */
    public static final StoredState EMPTY = new StoredState(0, null, null);
}
