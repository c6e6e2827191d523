package dev.custflow.internal.profile;

import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.Notes;
import java.util.Arrays;

/** The engine's notes: what {@code actions.note} and {@code actions.forget} did, and duplicates' notes merged. */
final class NotesRecord extends Notes {
    /** Adds another profile's notes (a merge). */
    void fold(NotesRecord other) {
        for (long h : other.hashes) {
            if (indexOf(h) < 0) {
                hashes = Arrays.copyOf(hashes, hashes.length + 1);
                hashes[hashes.length - 1] = h;
            }
        }
    }

    /** @return a copy sharing the array, which a change replaces rather than writes into */
    NotesRecord copy() {
        NotesRecord x = new NotesRecord();
        x.hashes = hashes;
        return x;
    }

    boolean add(String key) {
        long h = hash(key);
        if (indexOf(h) >= 0) {
            return false;
        }
        hashes = Arrays.copyOf(hashes, hashes.length + 1);
        hashes[hashes.length - 1] = h;
        return true;
    }

    boolean remove(String key) {
        int i = indexOf(hash(key));
        if (i < 0) {
            return false;
        }
        long[] k = new long[hashes.length - 1];
        System.arraycopy(hashes, 0, k, 0, i);
        System.arraycopy(hashes, i + 1, k, i, hashes.length - i - 1);
        hashes = k;
        return true;
    }

    void write(SnapshotOutput o) {
        o.writeVarInt(hashes.length);
        for (long h : hashes) {
            o.writeLong(h);
        }
    }

    static NotesRecord read(SnapshotInput in) {
        NotesRecord x = new NotesRecord();
        x.hashes = new long[in.readVarInt()];
        for (int i = 0; i < x.hashes.length; i++) {
            x.hashes[i] = in.readLong();
        }
        return x;
    }
}
