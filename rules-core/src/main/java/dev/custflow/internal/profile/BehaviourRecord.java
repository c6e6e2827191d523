package dev.custflow.internal.profile;

import dev.custflow.internal.snapshot.CustomerCodec;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.Behaviour;
import java.util.Arrays;

/** The engine's behaviour points: added by {@code actions.addBehaviourPoints}, merged from duplicates. */
final class BehaviourRecord extends Behaviour {
    /** Distinct tally labels kept; further ones count as "other". */
    static final int TALLY_LIMIT = 12;
    /** Keeps the total far inside a double's exact integers, whatever the counts. */
    static final long MAX_MILLI = 1_000_000_000_000L;

    /**
     * Adds another profile's points (a merge): both totals are decayed to the later of their two minutes, so
     * the sum is what one profile would hold had it earned both.
     */
    void fold(BehaviourRecord other, long halfLifeMinutes) {
        if (other.milli != 0 || other.minute != Integer.MIN_VALUE) {
            int at = Math.max(minute, other.minute);
            milli = Math.min(MAX_MILLI, (minute == Integer.MIN_VALUE ? 0 : decay(milli, (long) at - minute,
                    halfLifeMinutes)) + decay(other.milli, (long) at - other.minute, halfLifeMinutes));
            minute = at;
        }
        for (int i = 0; i < other.what.length; i++) {
            tally(other.what[i], other.count[i]);
        }
    }

    void add(int nowMinute, long halfLifeMinutes, String label, int n, int points) {
        milli = Math.min(MAX_MILLI, at(nowMinute, halfLifeMinutes) + points * 1000L);
        minute = Math.max(minute, nowMinute);
        tally(label, n);
    }

    private void tally(String label, int n) {
        String l = label;
        int i = indexOf(l);
        if (i < 0 && what.length >= TALLY_LIMIT) {
            l = "other";
            i = indexOf(l);
        }
        if (i < 0) {
            what = Arrays.copyOf(what, what.length + 1);
            count = Arrays.copyOf(count, count.length + 1);
            i = what.length - 1;
            what[i] = l.intern();
        }
        count[i] = (int) Math.min(Integer.MAX_VALUE, (long) count[i] + n);
    }

    private int indexOf(String label) {
        for (int i = 0; i < what.length; i++) {
            if (what[i].equals(label)) {
                return i;
            }
        }
        return -1;
    }

    void write(SnapshotOutput o) {
        o.writeSignedLong(milli);
        o.writeSignedInt(minute);
        CustomerCodec.strings(o, what);
        CustomerCodec.ints(o, count);
    }

    static BehaviourRecord read(SnapshotInput in) {
        BehaviourRecord x = new BehaviourRecord();
        x.milli = in.readSignedLong();
        x.minute = in.readSignedInt();
        x.what = CustomerCodec.interned(in);
        x.count = CustomerCodec.ints(in);
        return x;
    }
}
