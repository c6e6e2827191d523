package dev.custflow.internal.runtime;

import dev.custflow.internal.snapshot.StateFormat;

import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;

import dev.custflow.internal.packs.AssignmentDesk;
import dev.custflow.internal.packs.DuplicateIndex;
import dev.custflow.internal.packs.RfmScale;
import dev.custflow.internal.packs.Router;
import dev.custflow.internal.packs.Weekly;
import dev.custflow.internal.index.SeenIds;

import dev.custflow.event.RepUpdated;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.model.Rep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's versioned snapshot encoding (docs/connectors.md, "Snapshot format"): one customer's profile, and
 * the engine's own state (the clock, the recent event and action ids, the order and ticket owners, the
 * de-duplication index, the assignment desk, the reps, the weekly schedules and the current RFM scale).
 *
 * <p>The engine state is kept in keyed parts (docs/connectors.md, "Engine state parts"), so that a commit writes
 * only what changed: {@value #STATE} (the clock, the reps, the desk, the de-duplication index and the rest, and where
 * each window below stands), and the segments ({@link Segments}) of the recent event ids ({@value #EVENT_IDS}n), of
 * the delivered action ids ({@value #ACTION_IDS}n) and of the order and ticket owners ({@value #ORDER_OWNERS}n,
 * {@value #TICKET_OWNERS}n).
 *
 * <p>Every snapshot and every part starts with its format version byte. The rule: a snapshot written by one
 * version loads in every later one. A change to the encoding gets a new version number, and the reader keeps
 * reading the older versions. Customer snapshots are at version 3 (version 2 with the orders' fulfilment state
 * appended; version 2: optional fields for the rep's start, hand-set stages and reps, the reported score, a host code's referrer, and the account key and the other phones and e-mails
 * appended to version 1, which still loads); the engine state is at version 3 (keyed parts, the de-duplication index
 * as a journal in segments); version 2 (the index inside the main part) and version 1 (one piece, under the key
 * {@value #STATE}) still load: SnapshotFixtureTest loads bytes committed with each.
 */
public final class Snapshots {
    /** The formats' versions and part keys (StateFormat), here too for the engine's own callers. */
    public static final int VERSION = StateFormat.VERSION;
    public static final int ENGINE_VERSION = StateFormat.ENGINE_VERSION;
    public static final String STATE = StateFormat.STATE;
    public static final String EVENT_IDS = StateFormat.EVENT_IDS;
    public static final String DEDUP = StateFormat.DEDUP;
    public static final String ACTION_IDS = StateFormat.ACTION_IDS;
    public static final String ORDER_OWNERS = StateFormat.ORDER_OWNERS;
    public static final String TICKET_OWNERS = StateFormat.TICKET_OWNERS;

    private Snapshots() {
    }

    /**
     * @param c a customer
     * @return its snapshot
     */
    public static byte[] customer(CustomerRecord c) {
        SnapshotOutput o = new SnapshotOutput(256);
        o.writeByte(VERSION);
        c.writeSnapshot(o);
        return o.toByteArray();
    }

    /**
     * @param bytes a snapshot written by {@link #customer(CustomerRecord)} of this or an earlier version
     * @return the customer, outside any partition
     * @throws IllegalArgumentException if the bytes are not a customer snapshot this version can read
     */
    public static CustomerRecord customer(byte[] bytes) {
        SnapshotInput in = new SnapshotInput(bytes);
        int version = version(in, VERSION);
        CustomerRecord c = CustomerRecord.readSnapshot(in, version);
        if (!in.atEnd()) {
            throw new IllegalArgumentException("customer snapshot of " + c.getId() + " has bytes after its end");
        }
        return c;
    }

    /** Reads an engine state part's version byte. */
    public static int engineVersion(SnapshotInput in) {
        return StateFormat.engineVersion(in);
    }

    private static int version(SnapshotInput in, int newest) {
        return StateFormat.version(in, newest);
    }

    /**
     * The engine's parts a state snapshot covers. The main part of format 3 has places of its own for four
     * cross-customer packs (the weekly RFM recompute, the at-risk digests, the de-duplication index, the assignment
     * desk), written and read here; any other pack keeps its state in parts of its own
     * ({@link CrossCustomerPack#writeParts}), which needs no change to the format.
     */
    record EngineParts(Router router, SeenIds actionIds, CrossCustomerPacks packs, Partition[] partitions) {
        Weekly segments() {
            return part(RfmWeeklyPack.class, RfmWeeklyPack::weekly);
        }

        Weekly digests() {
            return part(AtRiskDigestsPack.class, AtRiskDigestsPack::weekly);
        }

        DuplicateIndex dedup() {
            return part(DuplicateIndexPack.class, DuplicateIndexPack::index);
        }

        AssignmentDesk desk() {
            return part(AssignmentDeskPack.class, AssignmentDeskPack::desk);
        }

        /** @return the part of the pack, or null when its rules are not loaded */
        private <P extends CrossCustomerPack, T> T part(Class<P> type, java.util.function.Function<P, T> part) {
            P p = packs.find(type);
            return p == null ? null : part.apply(p);
        }
    }

    /**
     * What a commit writes of the engine state: the parts that changed since the last commit, and the keys of the
     * parts to delete.
     */
    record EngineDelta(Map<String, byte[]> parts, Set<String> removed) {
    }

    /**
     * @param clock the engine's clock
     * @param p     the parts
     * @return the engine state parts changed since the last call (all of them at the first), and those to delete
     */
    static EngineDelta engine(long clock, EngineParts p) {
        Map<String, byte[]> parts = new HashMap<>();
        Set<String> removed = new HashSet<>();
        p.router().writeParts(parts, removed);
        p.actionIds().writeParts(ACTION_IDS, parts, removed);
        p.packs().writeParts(parts, removed); // the de-duplication journal among them, before its length below
        SnapshotOutput o = new SnapshotOutput(1024);
        o.writeByte(ENGINE_VERSION);
        o.writeSignedLong(clock);
        p.router().writeHeader(o);
        p.actionIds().writeHeader(o);
        weekly(o, p.segments());
        weekly(o, p.digests());
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
            p.dedup().writeHeader(o);
        }
        o.writeBoolean(p.desk() != null);
        if (p.desk() != null) {
            SnapshotOutput d = new SnapshotOutput(256);
            p.desk().write(d);
            o.writeBytes(d.toByteArray());
        }
        parts.put(STATE, o.toByteArray());
        removed.removeAll(parts.keySet());
        return new EngineDelta(parts, removed);
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
     * @param stored every part {@link #engine} wrote and did not delete since (this or an earlier version; version
     *               1 is one piece under {@value #STATE})
     * @param p      the parts, as built
     * @return the engine's clock
     */
    static long restoreEngine(Map<String, byte[]> stored, EngineParts p) {
        byte[] bytes = stored.get(STATE);
        if (bytes == null) {
            throw new IllegalArgumentException("engine state has no part \"" + STATE + "\": " + stored.keySet());
        }
        SnapshotInput in = new SnapshotInput(bytes);
        int version = engineVersion(in);
        long clock = in.readSignedLong();
        if (version == 1) {
            p.router().read(in);
            p.actionIds().read(in);
        } else {
            p.router().restore(in, stored);
            p.actionIds().restore(in, stored, ACTION_IDS);
        }
        weekly(in, p.segments());
        weekly(in, p.digests());
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
            if (version < 3) {
                byte[] d = in.readBytes();
                if (p.dedup() != null) {
                    p.dedup().read(new SnapshotInput(d)); // written whole from the next commit on, then in segments
                }
            } else if (p.dedup() != null) {
                p.dedup().restore(in, stored, DEDUP);
            } else {
                in.readVarLong(); // the pack is off now: the index is not needed
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
        p.packs().restoreParts(stored);
        return clock;
    }
}
