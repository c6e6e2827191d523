package dev.custflow.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.StoredSegments;
import dev.custflow.internal.snapshot.SnapshotOutput;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The customers of the most recent order (or ticket) ids: first in first out by insertion, kept in segments. */
class OwnerIndexTest {
    private static final String PREFIX = "owners.";

    private static OwnerIndex index(int capacity, int from, int to) {
        OwnerIndex index = new OwnerIndex(capacity);
        IntStream.range(from, to).forEach(i -> index.put("o" + i, "c" + i));
        return index;
    }

    private static StoredSegments commit(OwnerIndex index) {
        return StoredSegments.commit(index, PREFIX);
    }

    private static OwnerIndex restored(int capacity, StoredSegments c) {
        return c.restoreInto(new OwnerIndex(capacity), PREFIX);
    }

    @Test
    void ownerIndex_remembersTheOwnerOfEachId() {
        OwnerIndex index = new OwnerIndex(10);
        assertThat(index.get("o1")).isNull();
        index.put("o1", "c1");
        index.put("o2", "c2");
        assertThat(index.get("o1")).isEqualTo("c1");
        assertThat(index.get("o2")).isEqualTo("c2");
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void ownerIndex_forgetsOldestBeyondCapacity() {
        OwnerIndex index = index(2, 0, 3);
        assertThat(Stream.of("o0", "o1", "o2").map(index::get)).containsExactly(null, "c1", "c2");
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void ownerIndex_puttingAKnownId_changesItsOwnerButNotItsPlace() {
        OwnerIndex index = index(2, 0, 2);
        index.put("o0", "someone else"); // insertion order, not use, decides who goes first
        index.put("o2", "c2");
        assertThat(index.get("o0")).isNull();
        assertThat(index.get("o1")).isEqualTo("c1");
    }

    @Test
    void ownerIndex_growsPastItsFirstArray_andWrapsAroundAtCapacity() {
        OwnerIndex index = index(1_500, 0, 2_000); // starts with 1,024 slots
        assertThat(index.size()).isEqualTo(1_500);
        assertThat(index.get("o499")).isNull();
        assertThat(index.get("o500")).isEqualTo("c500");
        assertThat(index.get("o1999")).isEqualTo("c1999");
    }

    @Test
    void ownerIndex_capacityMustBePositive() {
        assertThatThrownBy(() -> new OwnerIndex(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be > 0: -1");
    }

    @Test
    void ownerIndex_writePartsThenRestore_remembersTheSameWindow() {
        OwnerIndex before = index(1_000, 0, 1_300);
        OwnerIndex after = restored(1_000, commit(before));
        assertThat(after.size()).isEqualTo(1_000);
        assertThat(after.get("o299")).isNull();
        assertThat(after.get("o300")).isEqualTo("c300");
        assertThat(after.get("o1299")).isEqualTo("c1299");
        after.put("o1300", "c1300");
        assertThat(after.get("o300")).isNull();
    }

    @Test
    void ownerIndex_anOwnerChangedInAnOldSegment_rewritesThatSegment() {
        OwnerIndex index = index(2_000, 0, 1_100);
        StoredSegments first = commit(index);
        assertThat(first.parts()).containsOnlyKeys(PREFIX + 0, PREFIX + 1, PREFIX + 2);
        assertThat(commit(index).parts()).isEmpty();

        index.put("o3", "c3"); // the same owner: nothing changed
        assertThat(commit(index).parts()).isEmpty();
        index.put("o3", "c9");
        StoredSegments second = commit(index);
        assertThat(second.parts()).containsOnlyKeys(PREFIX + 0);

        Map<String, byte[]> store = new HashMap<>(first.parts());
        store.putAll(second.parts());
        assertThat(restored(2_000, new StoredSegments(second.header(), store, Set.of())).get("o3")).isEqualTo("c9");
    }

    @Test
    void ownerIndex_forgettingErasedOwners_leavesTheirIdsOwnerless_andRewritesTheirSegments() {
        OwnerIndex index = index(2_000, 0, 1_100);
        Map<String, byte[]> store = new HashMap<>(commit(index).parts());

        index.forgetOwners(Set.of("c3", "c1050"));
        assertThat(index.get("o3")).isNull();
        assertThat(index.get("o4")).isEqualTo("c4");
        StoredSegments second = commit(index);
        assertThat(second.parts()).containsOnlyKeys(PREFIX + 0, PREFIX + 2);
        store.putAll(second.parts());
        assertThat(store.values()).noneMatch(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)
                .contains("c1050"));

        OwnerIndex after = restored(2_000, new StoredSegments(second.header(), store, Set.of()));
        assertThat(after.get("o3")).isNull();
        assertThat(after.get("o1050")).isNull();
        assertThat(after.size()).as("the entries keep their places").isEqualTo(1_100);
        after.put("o3", "c77");
        assertThat(after.get("o3")).isEqualTo("c77");
    }

    @Test
    void ownerIndex_writeParts_deletesSegmentsTheWindowLeftBehind() {
        OwnerIndex index = index(600, 0, 600);
        commit(index);
        IntStream.range(600, 1_200).forEach(i -> index.put("o" + i, "c" + i));
        StoredSegments moved = commit(index);
        assertThat(moved.parts()).containsOnlyKeys(PREFIX + 1, PREFIX + 2);
        assertThat(moved.gone()).containsExactly(PREFIX + 0);
    }

    @Test
    void ownerIndex_restoreIntoASmallerIndex_keepsTheNewest() {
        OwnerIndex small = restored(100, commit(index(300, 0, 300)));
        assertThat(small.size()).isEqualTo(100);
        assertThat(small.get("o199")).isNull();
        assertThat(small.get("o200")).isEqualTo("c200");
    }

    @Test
    void ownerIndex_restoreWithAMissingSegment_fails() {
        StoredSegments c = commit(index(2_000, 0, 1_100));
        c.parts().remove(PREFIX + 1);
        assertThatThrownBy(() -> restored(2_000, c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("miss entry 512");
    }

    @Test
    void ownerIndex_restoreWithAnIdTwice_fails() {
        SnapshotOutput header = new SnapshotOutput(16);
        header.writeVarLong(2); // two entries added ...
        header.writeVarInt(2); // ... both in the window
        SnapshotOutput segment = new SnapshotOutput(64);
        segment.writeByte(dev.custflow.internal.runtime.Snapshots.ENGINE_VERSION);
        segment.writeVarLong(0);
        segment.writeVarLong(2);
        segment.writeString("o1");
        segment.writeString("c1");
        segment.writeString("o1");
        segment.writeString("c2");
        OwnerIndex index = new OwnerIndex(10);
        assertThatThrownBy(() -> index.restore(new SnapshotInput(header.toByteArray()),
                Map.of(PREFIX + 0, segment.toByteArray()), PREFIX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold 1 twice");
    }

    @Test
    void ownerIndex_read_formatVersion1_addsTheEntriesOldestFirst() {
        SnapshotOutput v1 = new SnapshotOutput(64);
        v1.writeVarInt(3);
        for (int i = 0; i < 3; i++) {
            v1.writeString("o" + i);
            v1.writeString("c" + i);
        }
        OwnerIndex index = new OwnerIndex(2);
        index.read(new SnapshotInput(v1.toByteArray()));
        assertThat(index.get("o0")).isNull();
        assertThat(index.get("o1")).isEqualTo("c1");
        assertThat(index.get("o2")).isEqualTo("c2");
        // their segments go out with the next commit
        assertThat(commit(index).parts()).containsOnlyKeys(PREFIX + 0);
    }

    /**
     * Against a first-in-first-out window kept in a LinkedHashMap: any mix of new ids, known ids with new owners and
     * erased owners gives the same owners, before and after a commit and restore; ids sharing a String hash
     * ("Aa"/"BB" mixes) and windows that outgrow the first 1,024 places included.
     */
    @Property(tries = 200)
    void ownerIndex_anyMixOfPutsAndErasures_answersLikeAFifoWindow(@ForAll long seed,
                                                                   @ForAll @IntRange(min = 1, max = 1_500) int capacity,
                                                                   @ForAll @IntRange(min = 0, max = 3_000) int operations) {
        Random r = new Random(seed);
        int ids = 1 + capacity + capacity / 2;
        OwnerIndex index = new OwnerIndex(capacity);
        LinkedHashMap<String, String> window = new LinkedHashMap<>();
        for (int n = 0; n < operations; n++) {
            if (r.nextInt(50) == 0) {
                String erased = "c" + r.nextInt(8);
                index.forgetOwners(Set.of(erased));
                window.replaceAll((k, v) -> v.equals(erased) ? "" : v);
                continue;
            }
            String key = r.nextInt(4) == 0 ? sameHash(r) : "o" + r.nextInt(ids);
            String owner = "c" + r.nextInt(8);
            index.put(key, owner);
            if (window.containsKey(key)) {
                window.put(key, owner);
            } else {
                if (window.size() == capacity) {
                    Iterator<String> oldest = window.keySet().iterator();
                    oldest.next();
                    oldest.remove();
                }
                window.put(key, owner);
            }
        }
        OwnerIndex after = restored(capacity, commit(index));
        for (OwnerIndex x : java.util.List.of(index, after)) {
            assertThat(x.size()).isEqualTo(window.size());
            for (int i = 0; i < ids; i++) {
                assertThat(x.get("o" + i)).isEqualTo(owner(window, "o" + i));
            }
            for (String k : SAME_HASH) {
                assertThat(x.get(k)).isEqualTo(owner(window, k));
            }
        }
    }

    /** Every mix of "Aa" and "BB" of one length has the same String hash. */
    private static final String[] SAME_HASH = {"AaAaAa", "AaAaBB", "AaBBAa", "AaBBBB", "BBAaAa", "BBAaBB", "BBBBAa",
            "BBBBBB"};

    private static String sameHash(Random r) {
        return SAME_HASH[r.nextInt(SAME_HASH.length)];
    }

    /** The window's owner of the key: none when it left the window or its owner was erased. */
    private static String owner(Map<String, String> window, String key) {
        String o = window.get(key);
        return o == null || o.isEmpty() ? null : o;
    }
}
