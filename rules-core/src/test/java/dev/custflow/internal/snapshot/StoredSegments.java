package dev.custflow.internal.snapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * What one commit of a {@link SegmentedState} writes: the header and the changed parts.
 *
 * @param header the header's bytes
 * @param parts  the changed segments by key
 * @param gone   the keys of the segments to delete
 */
public record StoredSegments(byte[] header, Map<String, byte[]> parts, Set<String> gone) {
    /** @return a commit of the state, parts first, then the header: the engine's order */
    public static StoredSegments commit(SegmentedState state, String prefix) {
        Map<String, byte[]> parts = new HashMap<>();
        Set<String> gone = new HashSet<>();
        state.writeParts(prefix, parts, gone);
        SnapshotOutput header = new SnapshotOutput(16);
        state.writeHeader(header);
        return new StoredSegments(header.toByteArray(), parts, gone);
    }

    /** @return the state, restored from this commit */
    public <S extends SegmentedState> S restoreInto(S empty, String prefix) {
        empty.restore(new SnapshotInput(header), parts, prefix);
        return empty;
    }
}
