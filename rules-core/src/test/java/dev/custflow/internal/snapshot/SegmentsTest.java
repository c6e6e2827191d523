package dev.custflow.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.internal.runtime.Snapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping of an append-mostly window kept in segments of {@value Segments#SIZE} entries: a commit writes the
 * segments touched since the last one and deletes those the window left behind. Entries here are their own number.
 */
class SegmentsTest {
    private static final String PREFIX = "w.";
    private static final int SIZE = Segments.SIZE;
    private static final Segments.Writer NUMBERS = (o, from, to) -> {
        for (long s = from; s < to; s++) {
            o.writeVarLong(s);
        }
    };

    private record Emitted(Map<String, byte[]> out, Set<String> gone) {
    }

    private static Emitted emit(Segments segments, long first, long end) {
        Map<String, byte[]> out = new HashMap<>();
        Set<String> gone = new HashSet<>();
        segments.emit(PREFIX, first, end, out, gone, NUMBERS);
        return new Emitted(out, gone);
    }

    private static void touch(Segments segments, long from, long to) {
        for (long s = from; s < to; s++) {
            segments.touch(s);
        }
    }

    /** @return the range a segment holds: its first number and how many */
    private static long[] range(byte[] segment) {
        SnapshotInput in = new SnapshotInput(segment);
        assertThat(Snapshots.engineVersion(in)).isEqualTo(Snapshots.ENGINE_VERSION);
        return new long[] {in.readVarLong(), in.readVarLong()};
    }

    @Test
    void emit_writesEachTouchedSegment_withTheVersionAndItsPartOfTheWindow() {
        Segments segments = new Segments();
        touch(segments, 0, SIZE + 10);
        Emitted e = emit(segments, 0, SIZE + 10);
        assertThat(e.out()).containsOnlyKeys(PREFIX + 0, PREFIX + 1);
        assertThat(range(e.out().get(PREFIX + 0))).containsExactly(0, SIZE);
        assertThat(range(e.out().get(PREFIX + 1))).containsExactly(SIZE, 10);
        assertThat(e.gone()).isEmpty();
    }

    @Test
    void emit_writesNothingUntouched_andForgetsWhatItWrote() {
        Segments segments = new Segments();
        touch(segments, 0, 10);
        emit(segments, 0, 10);
        assertThat(emit(segments, 0, 10).out()).isEmpty();
        segments.touch(3); // an entry changed in place
        assertThat(emit(segments, 0, 10).out()).containsOnlyKeys(PREFIX + 0);
    }

    @Test
    void emit_startsASegmentAtTheWindowsFirstEntry() {
        Segments segments = new Segments();
        touch(segments, 0, 20);
        assertThat(range(emit(segments, 5, 20).out().get(PREFIX + 0))).containsExactly(5, 15);
    }

    @Test
    void emit_deletesTheSegmentsTheWindowLeftBehind_once() {
        Segments segments = new Segments();
        touch(segments, 0, 3 * SIZE);
        emit(segments, 0, 3 * SIZE);
        touch(segments, 3 * SIZE, 3 * SIZE + 1);
        Emitted moved = emit(segments, 2 * SIZE + 1, 3 * SIZE + 1);
        assertThat(moved.out()).containsOnlyKeys(PREFIX + 3);
        assertThat(moved.gone()).containsExactlyInAnyOrder(PREFIX + 0, PREFIX + 1);
        assertThat(emit(segments, 2 * SIZE + 1, 3 * SIZE + 1).gone()).isEmpty();
    }

    @Test
    void emit_aTouchedSegmentWhollyOutsideTheWindow_isDeleted() {
        Segments segments = new Segments();
        touch(segments, 0, 10);
        segments.touch(SIZE); // appended, then taken back (an event rejected after all)
        Emitted e = emit(segments, 0, 10);
        assertThat(e.out()).containsOnlyKeys(PREFIX + 0);
        assertThat(e.gone()).containsExactly(PREFIX + 1);
    }

    private static List<Long> restore(Segments segments, Map<String, byte[]> parts, long first, long end) {
        List<Long> read = new ArrayList<>();
        segments.restore(parts, PREFIX, first, first, end, (in, seq) -> {
            assertThat(in.readVarLong()).isEqualTo(seq);
            read.add(seq);
        });
        return read;
    }

    @Test
    void restore_readsEveryEntryInOrderWithItsNumber_ignoringOtherPrefixesAndSegmentsOutsideTheWindow() {
        Segments writer = new Segments();
        touch(writer, 0, 3 * SIZE);
        Map<String, byte[]> parts = new HashMap<>(emit(writer, 0, 3 * SIZE).out());
        parts.put("other.0", new byte[] {1, 2, 3});
        List<Long> read = restore(new Segments(), parts, SIZE + 5, 2 * SIZE);
        // segment 0 is before the window, segment 2 after it; segment 1 is read whole: the caller skips the
        // entries before the window's first
        assertThat(read).hasSize(SIZE);
        assertThat(read.get(0)).isEqualTo(SIZE);
        assertThat(read.get(read.size() - 1)).isEqualTo(2 * SIZE - 1);
    }

    @Test
    void restore_thenEmit_deletesStoredSegmentsBelowTheWindow() {
        Segments writer = new Segments();
        touch(writer, 0, 2 * SIZE);
        Map<String, byte[]> parts = emit(writer, 0, 2 * SIZE).out();
        Segments restored = new Segments();
        restore(restored, parts, SIZE, 2 * SIZE);
        assertThat(emit(restored, SIZE, 2 * SIZE).gone()).containsExactly(PREFIX + 0);
    }

    @Test
    void restore_refusesASegmentReachingPastTheWindowsEnd() {
        Segments writer = new Segments();
        touch(writer, 0, 10);
        Map<String, byte[]> parts = emit(writer, 0, 10).out();
        assertThatThrownBy(() -> restore(new Segments(), parts, 0, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("goes beyond the window's end 8");
    }

    @Test
    void restore_refusesBytesAfterASegmentsEntries_andAKeyThatIsNoSegment() {
        Segments writer = new Segments();
        touch(writer, 0, 10);
        byte[] segment = emit(writer, 0, 10).out().get(PREFIX + 0);
        byte[] longer = java.util.Arrays.copyOf(segment, segment.length + 1);
        assertThatThrownBy(() -> restore(new Segments(), Map.of(PREFIX + 0, longer), 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has bytes after its end");
        assertThatThrownBy(() -> restore(new Segments(), Map.of(PREFIX + "x", segment), 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w.x is not a segment");
    }
}
