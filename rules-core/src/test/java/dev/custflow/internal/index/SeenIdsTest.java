package dev.custflow.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.StoredSegments;
import dev.custflow.internal.snapshot.SnapshotOutput;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The window of recent event and action ids: first in first out, kept in segments for snapshots. */
class SeenIdsTest {
    private static final String PREFIX = "ids.";

    private static SeenIds seen(int capacity, int from, int to) {
        SeenIds ids = new SeenIds(capacity);
        IntStream.range(from, to).forEach(i -> ids.add("e" + i));
        return ids;
    }

    private static StoredSegments commit(SeenIds ids) {
        return StoredSegments.commit(ids, PREFIX);
    }

    private static SeenIds restored(int capacity, byte[] header, Map<String, byte[]> parts) {
        SeenIds ids = new SeenIds(capacity);
        ids.restore(new SnapshotInput(header), parts, PREFIX);
        return ids;
    }

    @Test
    void seenIds_add_isTrueOnlyTheFirstTime() {
        SeenIds ids = new SeenIds(10);
        assertThat(ids.add("e1")).isTrue();
        assertThat(ids.add("e1")).isFalse();
        assertThat(ids.add(new String("e1"))).isFalse(); // equal, not the same instance
        assertThat(ids.add("e2")).isTrue();
        assertThat(ids.size()).isEqualTo(2);
    }

    @Test
    void seenIds_contains_asksWithoutRemembering() {
        SeenIds ids = new SeenIds(10);
        assertThat(ids.contains("e1")).isFalse();
        assertThat(ids.contains("e1")).isFalse();
        ids.add("e1");
        assertThat(ids.contains("e1")).isTrue();
        assertThat(ids.contains("E1")).isFalse();
    }

    @Test
    void seenIds_peek_readsTheIdsSlot_withoutRemembering() {
        SeenIds ids = new SeenIds(10);
        assertThat(ids.peek("e1")).isZero();
        assertThat(ids.add("e1")).isTrue();

        assertThat(ids.peek("e1")).isEqualTo(Hashes.mix(Hashes.fnv1a("e1", Hashes.FNV_BASIS)));
        assertThat(ids.peek("e2")).isIn(0L, ids.peek("e1")); // a free slot, or e1's when e2's home is the same
        assertThat(ids.contains("e2")).isFalse();
        assertThat(ids.size()).isEqualTo(1);
    }

    @Test
    void seenIds_forgetsOldestBeyondCapacity() {
        SeenIds ids = seen(3, 0, 4);
        assertThat(ids.size()).isEqualTo(3);
        assertThat(ids.contains("e0")).isFalse();
        assertThat(ids.contains("e1")).isTrue();
        assertThat(ids.contains("e3")).isTrue();
        assertThat(ids.add("e0")).isTrue(); // forgotten: new again, and it pushes e1 out
        assertThat(ids.contains("e1")).isFalse();
    }

    @net.jqwik.api.Property(tries = 200)
    void seenIds_anySequenceOfIds_answersAsTheLastCapacityIdsRemembered(@net.jqwik.api.ForAll long seed,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 64) int capacity) {
        // what the action-id window guarantees: new means not among the last capacity ids that were new (FIFO)
        SeenIds ids = new SeenIds(capacity);
        java.util.ArrayDeque<String> window = new java.util.ArrayDeque<>();
        java.util.Random random = new java.util.Random(seed);
        int pool = 1 + random.nextInt(4 * capacity);
        for (int n = 0; n < 2_000; n++) {
            String id = "a" + random.nextInt(pool);
            boolean isNew = !window.contains(id);
            assertThat(ids.add(id)).as("%s after %s", id, window).isEqualTo(isNew);
            if (isNew) {
                window.addLast(id);
                if (window.size() > capacity) {
                    window.removeFirst();
                }
            }
            String other = "a" + random.nextInt(pool);
            assertThat(ids.contains(other)).isEqualTo(window.contains(other));
        }
        assertThat(ids.size()).isEqualTo(window.size());
    }

    @Test
    void seenIds_capacityMustBePositive() {
        assertThatThrownBy(() -> new SeenIds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be > 0: 0");
    }

    @Test
    void seenIds_forgetLast_forgetsTheNewestIdOnly() {
        SeenIds ids = seen(10, 0, 3);
        ids.forgetLast("e1"); // not the newest: stays
        assertThat(ids.contains("e1")).isTrue();
        ids.forgetLast("e2");
        assertThat(ids.contains("e2")).isFalse();
        assertThat(ids.size()).isEqualTo(2);
        assertThat(ids.add("e2")).isTrue();
    }

    @Test
    void seenIds_writePartsThenRestore_remembersTheSameWindow() {
        SeenIds before = seen(1_000, 0, 1_300); // the window is e300..e1299, over three segments
        StoredSegments c = commit(before);
        SeenIds after = restored(1_000, c.header(), c.parts());
        assertThat(after.size()).isEqualTo(1_000);
        assertThat(after.contains("e299")).isFalse();
        assertThat(after.contains("e300")).isTrue();
        assertThat(after.contains("e1299")).isTrue();
        // it goes on as the original would: the oldest is forgotten next
        after.add("e1300");
        assertThat(after.contains("e300")).isFalse();
        assertThat(after.contains("e301")).isTrue();
    }

    @Test
    void seenIds_writeParts_writesOnlyTouchedSegments_andDeletesThoseLeftBehind() {
        SeenIds ids = seen(600, 0, 600);
        StoredSegments first = commit(ids);
        assertThat(first.parts()).containsOnlyKeys(PREFIX + 0, PREFIX + 1);
        assertThat(first.gone()).isEmpty();

        StoredSegments unchanged = commit(ids);
        assertThat(unchanged.parts()).isEmpty();
        assertThat(unchanged.gone()).isEmpty();

        IntStream.range(600, 1_200).forEach(i -> ids.add("e" + i)); // the window moves to e600..e1199
        StoredSegments moved = commit(ids);
        assertThat(moved.parts()).containsOnlyKeys(PREFIX + 1, PREFIX + 2);
        assertThat(moved.gone()).containsExactly(PREFIX + 0);
    }

    @Test
    void seenIds_restoreFromCommitsInTurn_matchesTheLiveWindow() {
        SeenIds live = seen(600, 0, 600);
        Map<String, byte[]> store = new HashMap<>();
        StoredSegments first = commit(live);
        store.putAll(first.parts());
        IntStream.range(600, 1_000).forEach(i -> live.add("e" + i));
        StoredSegments second = commit(live);
        store.putAll(second.parts());
        second.gone().forEach(store::remove);

        SeenIds after = restored(600, second.header(), store);
        assertThat(after.contains("e399")).isFalse();
        assertThat(after.contains("e400")).isTrue();
        assertThat(after.contains("e999")).isTrue();
        assertThat(after.size()).isEqualTo(live.size());
    }

    @Test
    void seenIds_restoreIntoASmallerWindow_keepsTheNewest() {
        StoredSegments c = commit(seen(300, 0, 300));
        SeenIds small = restored(100, c.header(), c.parts());
        assertThat(small.size()).isEqualTo(100);
        assertThat(small.contains("e199")).isFalse();
        assertThat(small.contains("e200")).isTrue();
        assertThat(small.contains("e299")).isTrue();
    }

    @ParameterizedTest(name = "segment {0} missing: {1}")
    @CsvSource({"1, miss entry 512", "2, 'end at 1024, not 1100'"})
    void seenIds_restoreWithASegmentMissing_fails_namingTheFirstIdMissing(int segment, String message) {
        StoredSegments c = commit(seen(2_000, 0, 1_100));
        c.parts().remove(PREFIX + segment);
        assertThatThrownBy(() -> restored(2_000, c.header(), c.parts()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void seenIds_read_formatVersion1_addsAfterTheIdsRememberedNow() {
        // format version 1 kept the window in one piece: a count, then the two hashes of each id; take them from a
        // segment of another window, which holds the same hashes after its own small header
        StoredSegments c = commit(seen(10, 0, 3));
        SnapshotInput segment = new SnapshotInput(c.parts().get(PREFIX + 0));
        segment.readByte(); // version
        assertThat(segment.readVarLong()).isZero(); // first sequence number
        long n = segment.readVarLong();
        SnapshotOutput v1 = new SnapshotOutput(64);
        v1.writeVarInt((int) n);
        for (int i = 0; i < 2 * n; i++) {
            v1.writeLong(segment.readLong());
        }

        SeenIds ids = new SeenIds(3);
        ids.add("x");
        ids.add("e1"); // known already: not added twice
        ids.read(new SnapshotInput(v1.toByteArray()));
        assertThat(ids.size()).isEqualTo(3);
        assertThat(ids.contains("x")).isFalse(); // the oldest, pushed out by e2
        assertThat(ids.contains("e0")).isTrue();
        assertThat(ids.contains("e1")).isTrue();
        assertThat(ids.contains("e2")).isTrue();
    }
}
