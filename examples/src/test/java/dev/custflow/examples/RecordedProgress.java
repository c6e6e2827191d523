package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** A {@link RunProgress} that keeps what it was told, for tests to check. */
final class RecordedProgress implements RunProgress {
    private final List<long[]> told = new ArrayList<>();

    @Override
    public synchronized void reached(long done, long total) {
        told.add(new long[] {done, total});
    }

    /** @return the total the run told first */
    synchronized long total() {
        assertThat(told).as("progress told").isNotEmpty();
        return told.get(0)[1];
    }

    /**
     * Checks what a whole run told: the same total every time, counts that only grow, the last one the total.
     *
     * @param total the events the run should have replayed in all
     */
    synchronized void assertRanTo(long total) {
        assertThat(told).as("progress told").isNotEmpty();
        assertThat(told).allSatisfy(t -> assertThat(t[1]).as("total").isEqualTo(total));
        for (int i = 1; i < told.size(); i++) {
            assertThat(told.get(i)[0]).as("count %d", i).isGreaterThanOrEqualTo(told.get(i - 1)[0]);
        }
        assertThat(told.get(told.size() - 1)[0]).as("the last count").isEqualTo(total);
    }
}
