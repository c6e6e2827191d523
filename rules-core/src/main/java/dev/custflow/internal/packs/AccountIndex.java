package dev.custflow.internal.packs;

import dev.custflow.internal.snapshot.Segments;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.internal.snapshot.StateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;

/**
 * Which contacts belong to which account (docs/rules.md, "Accounts"): every record with a company name is listed
 * under its account key (CompanyNames), in the order it joined. People at one company stay separate records; the
 * account only lists them together, so a rule can see that a new lead's colleague already buys.
 *
 * <p>Used on the engine's thread in stream order only, so it needs no locks and its answers do not depend on the
 * partitions. With a store it is kept as a journal of its links and unlinks in {@link Segments}, like the
 * de-duplication index: a commit writes the newest segment, and the journal's length goes in a part of its own
 * ({@link #writeParts}), so the engine state format needs no change.
 */
public final class AccountIndex {
    /** One change of the journal: a record joins an account, or leaves its account ({@code account} null). */
    private record Entry(String id, String account) {
    }

    /** Account key → its records, in the order they joined. */
    private final UnifiedMap<String, List<String>> contacts = new UnifiedMap<>();
    /** Record → its account key. */
    private final UnifiedMap<String, String> accountOf = new UnifiedMap<>();

    private boolean journaling;
    /** An erasure took records out: the next commit writes the journal anew, so no stored segment keeps them. */
    private boolean rewrite;
    private long journalSize;
    private final Segments segments = new Segments();
    private final List<Entry> buffer = new ArrayList<>();
    private long bufferStart;

    /** @return the account a record is listed under, or null */
    public String accountOf(String id) {
        return accountOf.get(id);
    }

    /** @return the records listed under an account, in the order they joined (a copy; empty for an unknown key) */
    public List<String> contacts(String account) {
        List<String> ids = account == null ? null : contacts.get(account);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** @return true if a record other than {@code id} is listed under the account */
    public boolean hasOthers(String account, String id) {
        List<String> ids = contacts.get(account);
        return ids != null && (ids.size() > 1 || ids.size() == 1 && !ids.get(0).equals(id));
    }

    /**
     * Lists a record under an account, taking it from the one it was under.
     *
     * @return true if that changed anything
     */
    public boolean link(String id, String account) {
        String was = accountOf.get(id);
        if (account.equals(was)) {
            return false;
        }
        remove(id, was);
        accountOf.put(id, account);
        contacts.computeIfAbsent(account, k -> new ArrayList<>(2)).add(id);
        journal(new Entry(id, account));
        return true;
    }

    /** Takes a record off its account (a duplicate merged away). */
    public void unlink(String id) {
        String was = accountOf.remove(id);
        if (was != null) {
            remove(id, was);
            journal(new Entry(id, null));
        }
    }

    private void remove(String id, String account) {
        List<String> ids = account == null ? null : contacts.get(account);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                contacts.remove(account);
            }
        }
    }

    /** Forgets erased records; with a store, the next commit writes the journal anew, without them. */
    public void erase(Set<String> ids) {
        for (String id : ids) {
            String was = accountOf.remove(id);
            remove(id, was);
        }
        rewrite |= journaling;
    }

    /** @return the number of records listed */
    public int size() {
        return accountOf.size();
    }

    private void journal(Entry e) {
        if (journaling) {
            segments.touch(journalSize++);
            buffer.add(e);
        }
    }

    /**
     * Writes the journal's length under {@code headerKey}, and the segments written to since the last call under
     * {@code prefix} (all of them at the first: the journal then starts from the index as it is, accounts sorted,
     * each with its records in the order they joined).
     */
    public void writeParts(String headerKey, String prefix, Map<String, byte[]> out, Set<String> gone) {
        if (!journaling || rewrite) {
            startJournal();
        }
        segments.emit(prefix, 0, journalSize, out, gone, (o, from, to) -> {
            for (long s = from; s < to; s++) {
                Entry e = buffer.get((int) (s - bufferStart));
                o.writeString(e.id());
                o.writeString(e.account());
            }
        });
        long keepFrom = journalSize / Segments.SIZE * Segments.SIZE; // the unfinished segment is written again
        buffer.subList(0, (int) (keepFrom - bufferStart)).clear();
        bufferStart = keepFrom;
        SnapshotOutput h = new SnapshotOutput(16);
        h.writeByte(StateFormat.ENGINE_VERSION);
        h.writeVarLong(journalSize);
        out.put(headerKey, h.toByteArray());
    }

    private void startJournal() {
        long before = journaling ? journalSize : 0;
        journaling = true;
        rewrite = false;
        journalSize = 0;
        buffer.clear();
        bufferStart = 0;
        List<String> accounts = new ArrayList<>(contacts.keySet());
        accounts.sort(null);
        for (String a : accounts) {
            for (String id : contacts.get(a)) {
                journal(new Entry(id, a));
            }
        }
        for (long k = journalSize / Segments.SIZE; k * Segments.SIZE < before; k++) {
            segments.touch(k * Segments.SIZE);
        }
    }

    /**
     * Restores what {@link #writeParts} wrote into an empty index; without its header part (the accounts were not
     * kept then) the index starts empty.
     */
    public void restore(Map<String, byte[]> parts, String headerKey, String prefix) {
        byte[] header = parts.get(headerKey);
        if (header == null) {
            return;
        }
        SnapshotInput in = new SnapshotInput(header);
        StateFormat.engineVersion(in);
        long size = in.readVarLong();
        long keepFrom = size / Segments.SIZE * Segments.SIZE;
        segments.restore(parts, prefix, 0, 0, size, (r, seq) -> {
            Entry e = new Entry(r.readString(), r.readString());
            if (e.account() == null) {
                unlink(e.id());
            } else {
                link(e.id(), e.account());
            }
            if (seq >= keepFrom) {
                buffer.add(e);
            }
        });
        journaling = true;
        journalSize = size;
        bufferStart = keepFrom;
    }
}
