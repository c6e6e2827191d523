package dev.custflow.internal;

import dev.custflow.event.RepUpdated;
import dev.custflow.model.Customer;
import dev.custflow.model.Rep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The engine's versioned snapshot encoding (docs/connectors.md, "Snapshot format"): one customer's profile, and
 * the engine's own state (the clock, the recent event and action ids, the order and ticket owners, the
 * de-duplication index, the assignment desk, the reps, the weekly schedules and the current RFM scale).
 *
 * <p>Every snapshot starts with its format version byte. The rule: a snapshot written by one version loads in
 * every later one. A change to the encoding gets a new version number, and the reader keeps reading the older
 * versions (SnapshotFixtureTest loads bytes committed with version 1).
 */
public final class Snapshots {
    /** The format written by this version of the engine. */
    public static final int VERSION = 1;

    private Snapshots() {
    }

    /**
     * @param c a customer
     * @return its snapshot
     */
    public static byte[] customer(Customer c) {
        SnapshotOutput o = new SnapshotOutput(256);
        o.writeByte(VERSION);
        c.writeSnapshot(o);
        return o.toByteArray();
    }

    /**
     * @param bytes a snapshot written by {@link #customer(Customer)} of this or an earlier version
     * @return the customer, outside any partition
     * @throws IllegalArgumentException if the bytes are not a customer snapshot this version can read
     */
    public static Customer customer(byte[] bytes) {
        SnapshotInput in = new SnapshotInput(bytes);
        int version = version(in);
        Customer c = Customer.readSnapshot(in, version);
        if (!in.atEnd()) {
            throw new IllegalArgumentException("customer snapshot of " + c.getId() + " has bytes after its end");
        }
        return c;
    }

    private static int version(SnapshotInput in) {
        int version = in.readByte();
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("snapshot format version " + version + " is not one this engine reads "
                    + "(1 to " + VERSION + ")" + (version > VERSION ? ": it was written by a newer engine" : ""));
        }
        return version;
    }

    /** The engine's parts a state snapshot covers; null for the parts of packs that are off. */
    record EngineParts(Router router, SeenIds actionIds, RfmWeekly segments, AtRiskDigests digests,
                       DuplicateIndex dedup, AssignmentDesk desk, Partition[] partitions) {
    }

    /**
     * @param clock the engine's clock
     * @param p     the parts
     * @return the engine state
     */
    static byte[] engine(long clock, EngineParts p) {
        SnapshotOutput o = new SnapshotOutput(1024);
        o.writeByte(VERSION);
        o.writeSignedLong(clock);
        p.router().write(o);
        p.actionIds().write(o);
        weekly(o, p.segments() == null ? null : p.segments().weekly());
        weekly(o, p.digests() == null ? null : p.digests().weekly());
        RfmScale scale = p.partitions()[0].scale();
        o.writeBoolean(scale != null);
        if (scale != null) {
            scale.write(o);
        }
        Collection<Rep> reps = p.partitions()[0].reps();
        o.writeVarInt(reps.size());
        for (Rep r : reps) {
            o.writeString(r.getId());
            o.writeString(r.getName());
            o.writeString(r.getTeam());
            o.writeString(r.getRegion());
            o.writeVarInt(r.getIndustries().size());
            r.getIndustries().forEach(o::writeString);
            o.writeBoolean(r.isSenior());
            o.writeSignedInt(r.getCapacity());
            o.writeBoolean(r.isAvailable());
        }
        List<String> released = new ArrayList<>();
        for (Partition part : p.partitions()) {
            released.addAll(part.released());
        }
        o.writeVarInt(released.size());
        released.forEach(o::writeString);
        o.writeBoolean(p.dedup() != null);
        if (p.dedup() != null) {
            SnapshotOutput d = new SnapshotOutput(256);
            p.dedup().write(d);
            o.writeBytes(d.toByteArray());
        }
        o.writeBoolean(p.desk() != null);
        if (p.desk() != null) {
            SnapshotOutput d = new SnapshotOutput(256);
            p.desk().write(d);
            o.writeBytes(d.toByteArray());
        }
        return o.toByteArray();
    }

    private static void weekly(SnapshotOutput o, Weekly w) {
        o.writeBoolean(w != null);
        if (w != null) {
            o.writeSignedLong(w.next());
        }
    }

    private static void weekly(SnapshotInput in, Weekly w) {
        if (in.readBoolean()) {
            long next = in.readSignedLong();
            if (w != null) {
                w.next(next);
            }
        }
    }

    /**
     * Restores an engine state into freshly built parts. A part whose pack is off now is skipped; a part whose
     * pack was off then starts empty.
     *
     * @param bytes what {@link #engine} wrote (this or an earlier version)
     * @param p     the parts, as built
     * @return the engine's clock
     */
    static long restoreEngine(byte[] bytes, EngineParts p) {
        SnapshotInput in = new SnapshotInput(bytes);
        version(in);
        long clock = in.readSignedLong();
        p.router().read(in);
        p.actionIds().read(in);
        weekly(in, p.segments() == null ? null : p.segments().weekly());
        weekly(in, p.digests() == null ? null : p.digests().weekly());
        if (in.readBoolean()) {
            RfmScale scale = RfmScale.read(in);
            for (Partition part : p.partitions()) {
                part.scale(scale);
            }
        }
        int reps = in.readVarInt();
        for (int i = 0; i < reps; i++) {
            String id = in.readString();
            String name = in.readString();
            String team = in.readString();
            String region = in.readString();
            int n = in.readVarInt();
            List<String> industries = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                industries.add(in.readString());
            }
            RepUpdated state = new RepUpdated("snapshot", Instant.ofEpochMilli(clock), id, name, team, region,
                    industries, in.readBoolean(), in.readSignedInt(), in.readBoolean());
            for (Partition part : p.partitions()) {
                part.restoreRep(state);
            }
            if (p.desk() != null) {
                p.desk().repUpdated(state);
            }
        }
        int n = in.readVarInt();
        List<String> released = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            released.add(in.readString());
        }
        p.partitions()[0].restoreReleased(released);
        if (in.readBoolean()) {
            byte[] d = in.readBytes();
            if (p.dedup() != null) {
                p.dedup().read(new SnapshotInput(d));
            }
        }
        if (in.readBoolean()) {
            byte[] d = in.readBytes();
            if (p.desk() != null) {
                p.desk().read(new SnapshotInput(d));
            }
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException("engine state has bytes after its end");
        }
        return clock;
    }
}
