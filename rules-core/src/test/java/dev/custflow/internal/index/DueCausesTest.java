package dev.custflow.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A wake-up's cause is written exactly as {@code "due@" + Instant.toString} writes its due instant. */
class DueCausesTest {

    @Test
    void aCause_isDueAtTheInstantAsInstantWritesIt() {
        DueCauses causes = new DueCauses();
        long[] edges = {0, 1, 999, 1_000, 59_999, 60_000, 86_399_999, 86_400_000, 1_767_225_600_000L,
                1_767_225_600_010L, 1_767_225_600_100L, 253_402_300_799_999L, 253_402_300_800_000L, -1, -86_400_001L,
                Long.MAX_VALUE / 1000};
        for (long due : edges) {
            assertThat(causes.of(due)).as("due %d", due).isEqualTo("due@" + Instant.ofEpochMilli(due));
        }
        SplittableRandom r = new SplittableRandom(19);
        for (int i = 0; i < 200_000; i++) {
            long due = i % 3 == 0 ? r.nextLong(253_402_300_800_000L) // any millisecond up to the year 9999
                    : 1_767_225_600_000L + r.nextLong(400) * 86_400_000L + r.nextLong(1_440) * 60_000L; // minutes
            assertThat(causes.of(due)).isEqualTo("due@" + Instant.ofEpochMilli(due));
        }
    }

    @Test
    void customersDueAtTheSameInstant_shareOneCause() {
        DueCauses causes = new DueCauses();
        assertThat(causes.of(1_767_225_600_000L)).isSameAs(causes.of(1_767_225_600_000L));
    }
}
