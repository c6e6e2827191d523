package dev.custflow.internal.snapshot;


import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bookkeeping of an append-mostly window kept in fixed-size segments (docs/connectors.md, "Engine state
 * parts"): every entry has a sequence number (the count of entries appended before it), segment {@code k} holds
 * the entries numbered {@code k * SIZE} to {@code (k + 1) * SIZE - 1} still in the window, and a commit writes only
 * the segments touched since the last one (the newest, as a rule) and deletes those wholly left behind. A stored
 * segment may still hold entries that left the window since: the window's first number, kept in the engine's
 * "state" part, says where it starts.
 */
public final class Segments {
    /** Entries a segment holds. */
    public static final int SIZE = 512;

    /** How a window writes or reads the entries of a range. */
    public interface Writer {
        void write(SnapshotOutput o, long from, long to);
    }

    public interface Reader {
        void read(SnapshotInput in, long seq);
    }

    private final TreeSet<Long> dirty = new TreeSet<>();
    /**
     * The segment touched last, already in {@link #dirty}: windows append in order, so nearly every touch is of it
     * and costs a comparison, not a boxed tree insert (3 % of W1's ingest).
     */
    private long lastTouched = -1;
    /** The lowest segment that may be stored. */
    private long storedLow;

    /**
     * @param capacity how many entries a window of segments keeps
     * @return it, checked
     * @throws IllegalArgumentException unless it is positive
     */
    public static int capacity(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0: " + capacity);
        }
        return capacity;
    }

    /** @param seq an entry appended, changed or removed */
    public void touch(long seq) {
        long k = seq / SIZE;
        if (k != lastTouched) {
            dirty.add(k);
            lastTouched = k;
        }
    }

    /**
     * Writes the touched segments of the window {@code [first, end)} and deletes those before it.
     */
    public void emit(String prefix, long first, long end, Map<String, byte[]> out, Set<String> gone, Writer writer) {
        for (long k : dirty) {
            long from = Math.max(k * SIZE, first);
            long to = Math.min((k + 1) * SIZE, end);
            if (from < to) {
                SnapshotOutput o = new SnapshotOutput(64 + (int) (to - from) * 16);
                o.writeByte(StateFormat.ENGINE_VERSION);
                o.writeVarLong(from);
                o.writeVarLong(to - from);
                writer.write(o, from, to);
                out.put(prefix + k, o.toByteArray());
            } else {
                gone.add(prefix + k);
            }
        }
        dirty.clear();
        lastTouched = -1;
        long low = first / SIZE;
        for (long k = storedLow; k < low; k++) {
            out.remove(prefix + k);
            gone.add(prefix + k);
        }
        storedLow = Math.max(storedLow, low);
    }

    /**
     * Reads the stored segments in order, handing the reader every entry with its number (the caller skips those
     * before the window's first), and checks that the entries from {@code kept} on come one after the other up to
     * {@code end}: a stored window with a gap or cut short is refused, not restored with ids missing.
     */
    public void restore(Map<String, byte[]> parts, String prefix, long first, long kept, long end, Reader reader) {
        long[] expect = {kept};
        restoreAll(parts, prefix, first, end, (in, seq) -> {
            if (seq >= kept) {
                if (seq != expect[0]) {
                    throw new IllegalArgumentException("engine state parts " + prefix + "* miss entry " + expect[0]);
                }
                expect[0]++;
            }
            reader.read(in, seq);
        });
        if (expect[0] < end) {
            throw new IllegalArgumentException("engine state parts " + prefix + "* end at " + expect[0] + ", not "
                    + end);
        }
    }

    private void restoreAll(Map<String, byte[]> parts, String prefix, long first, long end, Reader reader) {
        TreeMap<Long, byte[]> mine = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : parts.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                long k;
                try {
                    k = Long.parseLong(e.getKey().substring(prefix.length()));
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("engine state part " + e.getKey() + " is not a segment");
                }
                mine.put(k, e.getValue());
            }
        }
        storedLow = mine.isEmpty() ? first / SIZE : Math.min(mine.firstKey(), first / SIZE);
        for (Map.Entry<Long, byte[]> e : mine.entrySet()) {
            if (e.getKey() < first / SIZE || e.getKey() * SIZE >= end) {
                continue; // left the window (a commit deletes it)
            }
            SnapshotInput in = new SnapshotInput(e.getValue());
            StateFormat.engineVersion(in);
            long from = in.readVarLong();
            long n = in.readVarLong();
            for (long s = from; s < from + n; s++) {
                if (s >= end) {
                    throw new IllegalArgumentException("engine state part " + prefix + e.getKey()
                            + " goes beyond the window's end " + end);
                }
                reader.read(in, s);
            }
            if (!in.atEnd()) {
                throw new IllegalArgumentException("engine state part " + prefix + e.getKey()
                        + " has bytes after its end");
            }
        }
    }
}
