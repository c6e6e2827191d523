package dev.custflow.internal.profile;

import dev.custflow.internal.snapshot.CustomerCodec;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.Engagement;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.Times;

/** The engine's engagement history: interactions folded in, duplicates' interactions merged. */
final class EngagementRecord extends Engagement {
    /** Interactions kept for windowed counts. */
    static final int HISTORY_LIMIT = 64;

    /** Adds another profile's interactions (a merge), keeping the history sorted and capped. */
    void fold(EngagementRecord other) {
        for (int i = 0; i < other.minutes.size(); i++) {
            int minute = other.minutes.get(i);
            minutes.addAtIndex(MinuteLists.insertionPoint(minutes, minute), minute);
        }
        MinuteLists.cap(minutes, HISTORY_LIMIT);
        count += other.count;
        lastAt = Math.max(lastAt, other.lastAt);
        lastRepContactAt = Math.max(lastRepContactAt, other.lastRepContactAt);
    }

    void record(long at, InteractionKind kind) {
        int minute = Times.minute(at);
        minutes.addAtIndex(MinuteLists.insertionPoint(minutes, minute), minute);
        MinuteLists.cap(minutes, HISTORY_LIMIT);
        count++;
        lastAt = Math.max(lastAt, at);
        if (kind.isRepContact()) {
            lastRepContactAt = Math.max(lastRepContactAt, at);
        }
    }

    void write(SnapshotOutput o, long base) {
        CustomerCodec.minutes(o, minutes, Times.minute(base));
        o.writeTime(lastAt, base);
        o.writeTime(lastRepContactAt, base);
        o.writeVarInt(count);
    }

    static EngagementRecord read(SnapshotInput in, long base) {
        EngagementRecord x = new EngagementRecord();
        CustomerCodec.minutesInto(in, x.minutes, Times.minute(base));
        x.lastAt = in.readTime(base);
        x.lastRepContactAt = in.readTime(base);
        x.count = in.readVarInt();
        return x;
    }
}
