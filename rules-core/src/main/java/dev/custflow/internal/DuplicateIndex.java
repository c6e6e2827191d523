package dev.custflow.internal;

import dev.custflow.event.ProfileFields;
import dev.custflow.model.ContactData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

/**
 * Who is who among leads (RULES-CATALOG.md §2): the normalised phone numbers, e-mail addresses and company keys
 * seen so far, each leading to the record that has it, and the ids of records merged into another. A lookup is a
 * hash probe per key, whatever the number of profiles. A key is stored as a 64-bit hash of its kind and value
 * (about 25 bytes an entry instead of a string's 60 or more); two different values sharing a hash would take
 * some 4 billion keys to become likely.
 *
 * <p>Used on the engine's thread in stream order only, so it needs no locks and its answers do not depend on
 * the partitions.
 */
final class DuplicateIndex {
    /** A de-duplication key of a profile: PHONE, EMAIL or COMPANY, the normalised value and its hash. */
    record Key(String kind, String value, long hash) {
    }

    private final ContactData intake;
    private final boolean phone;
    private final boolean email;
    private final boolean company;
    private final LongObjectHashMap<String> owners = new LongObjectHashMap<>();
    /** Merged record → the record it was merged into (resolved with path halving). */
    private final UnifiedMap<String, String> mergedInto = new UnifiedMap<>();

    DuplicateIndex(ContactData intake, List<String> matchOn) {
        this.intake = intake;
        this.phone = matchOn.contains("PHONE");
        this.email = matchOn.contains("EMAIL");
        this.company = matchOn.contains("COMPANY");
    }

    /** @return the record an id now stands for: itself, or the survivor it was merged into */
    String resolve(String id) {
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
    List<Key> keys(ProfileFields p) {
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
        if (company && p.company() != null) {
            String k = intake.companyKey(intake.text(p.company()));
            if (k != null && !k.isEmpty()) {
                keys.add(key("COMPANY", k));
            }
        }
        return keys;
    }

    /**
     * @param self the record the keys belong to (resolved)
     * @param keys its keys
     * @return the other records having one of the keys, each with the keys it shares, in the order found
     */
    Map<String, List<Key>> matches(String self, List<Key> keys) {
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
    void claim(String id, List<Key> keys) {
        for (Key k : keys) {
            if (owners.get(k.hash()) == null) {
                owners.put(k.hash(), id);
            }
        }
    }

    /** Records that {@code merged} is now {@code survivor}: its keys and its id lead there. */
    void merge(String merged, String survivor) {
        if (!merged.equals(survivor)) {
            mergedInto.put(merged, survivor);
        }
    }

    /** Writes the keys (by hash) with their records, and the merged records, sorted so equal indexes encode alike. */
    void write(SnapshotOutput o) {
        long[] keys = owners.keySet().toSortedArray();
        o.writeVarInt(keys.length);
        for (long k : keys) {
            o.writeLong(k);
            o.writeString(owners.get(k));
        }
        List<String> merged = new ArrayList<>(mergedInto.keySet());
        merged.sort(null);
        o.writeVarInt(merged.size());
        for (String m : merged) {
            o.writeString(m);
            o.writeString(mergedInto.get(m));
        }
    }

    void read(SnapshotInput in) {
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
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
