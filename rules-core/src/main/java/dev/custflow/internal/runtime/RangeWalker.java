package dev.custflow.internal.runtime;

import dev.custflow.internal.index.Emitted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Step 2 of a batch: every partition walks a range of the plan, on threads of their own when there are several
 * and the range is long enough to pay for the hand-off.
 */
final class RangeWalker implements AutoCloseable {
    /** Below this many positions a range runs on the caller's thread: a hand-off costs more than it saves. */
    private static final int PARALLEL_THRESHOLD = 256;

    private final Partition[] partitions;
    private final ExecutorService pool;

    RangeWalker(Partition[] partitions) {
        this.partitions = partitions;
        this.pool = partitions.length > 1 ? Executors.newFixedThreadPool(partitions.length, r -> {
            Thread t = new Thread(r, "custflow-partition");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * @return what the partitions emitted walking {@code [from, to)}, partition by partition (not yet in the
     *         deterministic order)
     */
    List<Emitted> walk(BatchPlan plan, int from, int to) {
        List<List<Emitted>> outs = new ArrayList<>(partitions.length);
        if (pool != null && to - from >= PARALLEL_THRESHOLD) {
            List<Future<List<Emitted>>> futures = new ArrayList<>();
            for (Partition p : partitions) {
                futures.add(pool.submit(() -> plan.walk(p, from, to)));
            }
            for (Future<List<Emitted>> f : futures) {
                try {
                    outs.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the partitions were working", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a partition failed: " + e.getCause(), e.getCause());
                }
            }
        } else {
            for (Partition p : partitions) {
                outs.add(plan.walk(p, from, to));
            }
        }
        List<Emitted> merged = new ArrayList<>();
        outs.forEach(merged::addAll);
        return merged;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
