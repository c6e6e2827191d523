package dev.custflow.internal.packs;

import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.text.Suggest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The referral codes hosts issued (ReferralCodeIssued): code to the customer it was issued to. One entry per issued
 * code, so it stays as small as the referral programme (a few per cent of the customers); a host's codes are free
 * text, so unlike the engine's own {@code R-} codes they cannot name their customer themselves. Codes are matched
 * ignoring case and surrounding spaces; issuing a code again moves it to the new customer. Engine thread only.
 */
public final class ReferralCodeIndex {
    private static final int FORMAT = 1;

    /** By normalised code: the code as issued, then the customer. */
    private final Map<String, String[]> codes = new HashMap<>();
    private boolean dirty;

    /**
     * @param code       the code as the host issued it
     * @param customerId the customer who refers with it
     */
    public void issue(String code, String customerId) {
        String[] old = codes.put(key(code), new String[] {code.strip(), customerId});
        dirty |= old == null || !old[0].equals(code.strip()) || !old[1].equals(customerId);
    }

    /**
     * @param code a code a lead came with
     * @return the customer it was issued to, or null when nobody was
     */
    public String referrer(String code) {
        String[] e = codes.get(key(code));
        return e == null ? null : e[1];
    }

    /**
     * @param code a code nobody was issued
     * @return the issued code it is a near miss of (within a third of its length, at least 2 edits), or null
     */
    public String suggestion(String code) {
        String given = code.strip();
        int slack = Math.max(2, given.length() / 3);
        List<String> near = new ArrayList<>();
        for (String[] e : codes.values()) {
            if (Math.abs(e[0].length() - given.length()) <= slack) {
                near.add(e[0]);
            }
        }
        near.sort(null); // the same winner among equally close codes, whatever the map's order
        return Suggest.closest(given, near).orElse(null);
    }

    /** @return how many codes are issued */
    public int size() {
        return codes.size();
    }

    /**
     * Forgets the codes issued to erased customers.
     *
     * @param ids the erased record's ids
     */
    public void erase(Collection<String> ids) {
        Set<String> gone = Set.copyOf(ids);
        dirty |= codes.values().removeIf(e -> gone.contains(e[1]));
    }

    /**
     * @return the whole index when it changed since the last call (then not again until it changes), else null
     */
    public byte[] changed() {
        if (!dirty) {
            return null;
        }
        dirty = false;
        SnapshotOutput o = new SnapshotOutput(16 + codes.size() * 24);
        o.writeByte(FORMAT);
        Map<String, String[]> sorted = new TreeMap<>(codes); // the same bytes for the same codes
        o.writeVarInt(sorted.size());
        sorted.values().forEach(e -> {
            o.writeString(e[0]);
            o.writeString(e[1]);
        });
        return o.toByteArray();
    }

    /**
     * Replaces the index by what {@link #changed} wrote.
     *
     * @param bytes the stored part
     * @throws IllegalArgumentException if the bytes are not of a format this version reads
     */
    public void read(byte[] bytes) {
        SnapshotInput in = new SnapshotInput(bytes);
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalArgumentException("referral codes part of format " + format + ", this engine reads "
                    + FORMAT);
        }
        codes.clear();
        int n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            String code = in.readString();
            codes.put(key(code), new String[] {code, in.readString()});
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException("referral codes part has bytes after its end");
        }
        dirty = false;
    }

    private static String key(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
