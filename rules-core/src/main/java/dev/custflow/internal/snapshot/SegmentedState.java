package dev.custflow.internal.snapshot;

import java.util.Map;
import java.util.Set;

/**
 * State stored as a small header plus {@link Segments}: a commit writes the header and only the segments that
 * changed, and a restore reads them back into an empty instance.
 */
public interface SegmentedState {
    /** Writes where the state stands; its entries are in the parts ({@link #writeParts}). */
    void writeHeader(SnapshotOutput o);

    /**
     * Writes the segments that changed since the last call, and names those that left the state.
     *
     * @param prefix the parts' key prefix
     * @param out    receives the changed segments
     * @param gone   receives the keys of the segments to delete
     */
    void writeParts(String prefix, Map<String, byte[]> out, Set<String> gone);

    /** Restores what {@link #writeHeader} and {@link #writeParts} wrote into an empty instance. */
    void restore(SnapshotInput header, Map<String, byte[]> parts, String prefix);
}
