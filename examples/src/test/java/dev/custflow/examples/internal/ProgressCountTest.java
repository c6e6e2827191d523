package dev.custflow.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProgressCountTest {

    @Test
    void twoReplaysAddToOneCount_toldInOrder_upToTheTotal() throws InterruptedException {
        List<long[]> told = new CopyOnWriteArrayList<>();
        ProgressCount count = new ProgressCount((done, total) -> told.add(new long[] {done, total}), 2_000);
        Runnable replay = () -> {
            for (int i = 0; i < 50; i++) {
                count.accept(20);
            }
        };
        Thread a = new Thread(replay);
        Thread b = new Thread(replay);
        a.start();
        b.start();
        a.join();
        b.join();

        assertThat(told).hasSize(101).allSatisfy(t -> assertThat(t[1]).isEqualTo(2_000));
        assertThat(told.get(0)[0]).as("told at once, before any event").isZero();
        for (int i = 1; i < told.size(); i++) {
            assertThat(told.get(i)[0]).isGreaterThan(told.get(i - 1)[0]);
        }
        assertThat(told.get(100)[0]).isEqualTo(2_000);
    }

    @Test
    void finish_reachesTheTotal_whenAPlannedReplayWasNotNeeded_andNeverPassesIt() {
        List<long[]> told = new CopyOnWriteArrayList<>();
        ProgressCount count = new ProgressCount((done, total) -> told.add(new long[] {done, total}), 300);
        count.accept(100);
        count.finish();
        count.finish();
        count.accept(50);

        assertThat(told).extracting(t -> t[0]).containsExactly(0L, 100L, 300L, 300L);
        assertThat(count.done()).isEqualTo(350);
    }
}
