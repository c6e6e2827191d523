package dev.custflow.internal.packs;

import dev.custflow.internal.index.Hashes;
import dev.custflow.internal.names.CompanyNames;
import dev.custflow.internal.names.PersonNames;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;

import dev.custflow.internal.snapshot.SegmentedState;
import dev.custflow.internal.snapshot.Segments;

import dev.custflow.event.ProfileFields;
import dev.custflow.model.ContactData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

/**
 * Who is who among leads (docs/design/rules-catalog.md §2): the normalised phone numbers, e-mail addresses and
 * name + company pairs seen so far, each leading to the record that has it, and the ids of records merged into another. A lookup is a
 * hash probe per key, whatever the number of profiles. A key is stored as a 64-bit hash of its kind and value
 * (about 25 bytes an entry instead of a string's 60 or more); two different values sharing a hash would take
 * some 4 billion keys to become likely.
 *
 * <p>Used on the engine's thread in stream order only, so it needs no locks and its answers do not depend on
 * the partitions.
 */
public final class DuplicateIndex implements SegmentedState {
    /**
     * A de-duplication key of a profile: PHONE, EMAIL or NAME_COMPANY, the normalised value (for NAME_COMPANY the
     * account key alone: the name is personal data and is only in the hash) and its hash.
     */
    public record Key(String kind, String value, long hash) {
    }

    private final ContactData intake;
    private final boolean phone;
    private final boolean email;
    /** Name + company: the same person's name at the same account ({@link PersonNames}, {@link CompanyNames}). */
    private final boolean nameCompany;
    private final LongObjectHashMap<String> owners = new LongObjectHashMap<>();
    /** Merged record → the record it was merged into (resolved with path halving). */
    private final UnifiedMap<String, String> mergedInto = new UnifiedMap<>();

    /**
     * With a store, the index is kept as a journal of its claims and merges, in the order they happened, in
     * {@link Segments}: the index only grows, so a commit writes the newest segment, not the whole index (which
     * holds every person ever seen). Only the entries of the newest, unfinished segment stay in memory.
     */
    private record Entry(long hash, String id, String survivor) {
    }

    private boolean journaling;
    /** An erasure took entries out: the next commit writes the journal anew, so no stored segment keeps them. */
    private boolean rewrite;
    private long journalSize;
    private final Segments segments = new Segments();
    /** The journal entries from {@link #bufferStart} on: the segments not yet written, and the unfinished one. */
    private final List<Entry> buffer = new ArrayList<>();
    private long bufferStart;

    public DuplicateIndex(ContactData intake, List<String> matchOn) {
        this.intake = intake;
        this.phone = matchOn.contains("PHONE");
        this.email = matchOn.contains("EMAIL");
        // a company alone is no evidence of one person: "COMPANY" of older settings reads as name + company
        this.nameCompany = matchOn.contains("NAME_COMPANY") || matchOn.contains("COMPANY");
    }

    /** @return the record an id now stands for: itself, or the survivor it was merged into */
    public String resolve(String id) {
        if (id == null || mergedInto.isEmpty()) {
            return id;
        }
        String cur = id;
        String next = mergedInto.get(cur);
        while (next != null) {
            String after = mergedInto.get(next);
            if (after != null) {
                mergedInto.put(cur, after); // path halving keeps chains short
            }
            cur = next;
            next = after;
        }
        return cur;
    }

    /** @return the keys of the valid contact data among these profile fields */
    public List<Key> keys(ProfileFields p) {
        List<Key> keys = new ArrayList<>(3);
        if (phone && p.phone() != null) {
            ContactData.Checked c = intake.phone(p.phone());
            if (c.isValid()) {
                keys.add(key("PHONE", c.value()));
            }
        }
        if (email && p.email() != null) {
            ContactData.Checked c = intake.email(p.email());
            if (c.isValid()) {
                keys.add(key("EMAIL", c.value()));
            }
        }
        if (nameCompany && p.company() != null && p.name() != null) {
            String account = CompanyNames.accountKey(intake.text(p.company()));
            String name = PersonNames.key(p.name());
            if (account != null && name != null) {
                keys.add(new Key("NAME_COMPANY", account, hash("N:" + name + "|" + account)));
            }
        }
        return keys;
    }

    /**
     * @param self the record the keys belong to (resolved)
     * @param keys its keys
     * @return the other records having one of the keys, each with the keys it shares, in the order found
     */
    public Map<String, List<Key>> matches(String self, List<Key> keys) {
        Map<String, List<Key>> found = new LinkedHashMap<>();
        for (Key k : keys) {
            String owner = resolve(owners.get(k.hash()));
            if (owner != null && !owner.equals(self)) {
                found.computeIfAbsent(owner, o -> new ArrayList<>(3)).add(k);
            }
        }
        return found;
    }

    /** Gives the keys nobody has yet to a record. */
    public void claim(String id, List<Key> keys) {
        for (Key k : keys) {
            if (owners.get(k.hash()) == null) {
                owners.put(k.hash(), id);
                journal(new Entry(k.hash(), id, null));
            }
        }
    }

    /** Records that {@code merged} is now {@code survivor}: its keys and its id lead there. */
    public void merge(String merged, String survivor) {
        if (!merged.equals(survivor)) {
            mergedInto.put(merged, survivor);
            journal(new Entry(0, merged, survivor));
        }
    }

    /** @return the ids merged into this record, directly or through another merged record */
    public Set<String> aliases(String id) {
        Set<String> found = new HashSet<>();
        for (String merged : new ArrayList<>(mergedInto.keySet())) { // resolve() shortens chains as it goes
            if (id.equals(resolve(merged))) {
                found.add(merged);
            }
        }
        return found;
    }

    /**
     * Forgets erased records: every key they claimed (phone numbers, e-mail addresses, name + company pairs), which a later
     * lead then no longer matches, and their merges. With a store, the next commit writes the journal anew.
     *
     * @param ids a record and its {@link #aliases}
     */
    public void erase(Set<String> ids) {
        LongArrayList claimed = new LongArrayList();
        owners.forEachKeyValue((hash, owner) -> {
            if (ids.contains(owner)) {
                claimed.add(hash);
            }
        });
        claimed.forEach(owners::remove);
        ids.forEach(mergedInto::remove);
        rewrite |= journaling;
    }

    private void journal(Entry e) {
        if (journaling) {
            segments.touch(journalSize++);
            buffer.add(e);
        }
    }

    /**
     * Writes the journal segments written to since the last call (all of them at the first: the journal then starts
     * from the index as it is, keys sorted by hash, then the merges sorted).
     */
    @Override
    public void writeParts(String prefix, Map<String, byte[]> out, Set<String> gone) {
        if (!journaling || rewrite) {
            startJournal();
        }
        segments.emit(prefix, 0, journalSize, out, gone, (o, from, to) -> {
            for (long s = from; s < to; s++) {
                Entry e = buffer.get((int) (s - bufferStart));
                if (e.survivor() == null) {
                    o.writeByte(0);
                    o.writeLong(e.hash());
                    o.writeString(e.id());
                } else {
                    o.writeByte(1);
                    o.writeString(e.id());
                    o.writeString(e.survivor());
                }
            }
        });
        long keepFrom = journalSize / Segments.SIZE * Segments.SIZE; // the unfinished segment is written again
        buffer.subList(0, (int) (keepFrom - bufferStart)).clear();
        bufferStart = keepFrom;
    }

    /**
     * Starts the journal from the index as it is, keys sorted by hash, then the merges sorted; after an erasure the
     * segments of the longer journal written before are deleted.
     */
    private void startJournal() {
        long before = journaling ? journalSize : 0;
        journaling = true;
        rewrite = false;
        journalSize = 0;
        buffer.clear();
        bufferStart = 0;
        for (long k : owners.keySet().toSortedArray()) {
            journal(new Entry(k, owners.get(k), null));
        }
        List<String> merged = new ArrayList<>(mergedInto.keySet());
        merged.sort(null);
        for (String m : merged) {
            journal(new Entry(0, m, mergedInto.get(m)));
        }
        for (long k = journalSize / Segments.SIZE; k * Segments.SIZE < before; k++) {
            segments.touch(k * Segments.SIZE);
        }
    }

    /** Writes the journal's length (its segments are separate parts: {@link #writeParts}). */
    @Override
    public void writeHeader(SnapshotOutput o) {
        o.writeVarLong(journalSize);
    }

    /** Restores what {@link #writeHeader} and {@link #writeParts} wrote into an empty index. */
    @Override
    public void restore(SnapshotInput header, Map<String, byte[]> parts, String prefix) {
        long size = header.readVarLong();
        long keepFrom = size / Segments.SIZE * Segments.SIZE;
        segments.restore(parts, prefix, 0, 0, size, (in, seq) -> {
            Entry e = in.readByte() == 0 ? new Entry(in.readLong(), in.readString(), null)
                    : new Entry(0, in.readString(), in.readString());
            if (e.survivor() == null) {
                owners.put(e.hash(), e.id());
            } else {
                mergedInto.put(e.id(), e.survivor());
            }
            if (seq >= keepFrom) {
                buffer.add(e);
            }
        });
        journaling = true;
        journalSize = size;
        bufferStart = keepFrom;
    }

    /** Reads the index as engine state version 2 wrote it: keys by hash with their records, then the merges. */
    public void read(SnapshotInput in) {
        int n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            owners.put(in.readLong(), in.readString());
        }
        n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            mergedInto.put(in.readString(), in.readString());
        }
    }

    /** @return the number of keys known */
    int size() {
        return owners.size();
    }

    private static Key key(String kind, String value) {
        return new Key(kind, value, hash(kind.charAt(0) + ":" + value));
    }

    /** FNV-1a over the UTF-8 bytes, then a finaliser that spreads the bits (as in SplitMix64). */
    static long hash(String s) {
        long h = Hashes.FNV_BASIS;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * Hashes.FNV_PRIME;
        }
        return Hashes.mix(h);
    }
}
