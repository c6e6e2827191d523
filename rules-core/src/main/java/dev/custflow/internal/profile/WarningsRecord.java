package dev.custflow.internal.profile;

import dev.custflow.model.Level;
import dev.custflow.internal.snapshot.CustomerCodec;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.Warnings;
import java.util.Arrays;

/** The engine's churn warnings: opened and closed by the churn actions, one per cause at most. */
final class WarningsRecord extends Warnings {
    /** @return a copy sharing the arrays, which a change replaces rather than writes into */
    WarningsRecord copy() {
        WarningsRecord x = new WarningsRecord();
        x.causes = causes;
        x.levels = levels;
        return x;
    }

    boolean open(String cause, Level level) {
        if (indexOf(cause) >= 0) {
            return false;
        }
        causes = Arrays.copyOf(causes, causes.length + 1);
        causes[causes.length - 1] = cause.intern();
        levels = Arrays.copyOf(levels, levels.length + 1);
        levels[levels.length - 1] = (byte) level.ordinal();
        return true;
    }

    boolean close(String cause) {
        int i = indexOf(cause);
        if (i < 0) {
            return false;
        }
        String[] c = new String[causes.length - 1];
        byte[] l = new byte[levels.length - 1];
        for (int j = 0, k = 0; j < causes.length; j++) {
            if (j != i) {
                c[k] = causes[j];
                l[k++] = levels[j];
            }
        }
        causes = c.length == 0 ? NONE : c;
        levels = l;
        return true;
    }

    boolean isEmpty() {
        return causes.length == 0;
    }

    void write(SnapshotOutput o) {
        CustomerCodec.strings(o, causes);
        o.writeVarInt(levels.length);
        for (byte b : levels) {
            o.writeByte(b);
        }
    }

    static WarningsRecord read(SnapshotInput in) {
        WarningsRecord x = new WarningsRecord();
        String[] read = CustomerCodec.interned(in);
        if (read.length > 0) {
            x.causes = read;
        }
        x.levels = new byte[in.readVarInt()];
        for (int i = 0; i < x.levels.length; i++) {
            x.levels[i] = (byte) in.readByte();
        }
        return x;
    }
}
