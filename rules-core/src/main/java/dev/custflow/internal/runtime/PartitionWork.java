package dev.custflow.internal.runtime;

/** Work every partition does at a position of a batch, after the wake-ups and before the event (a digest's cut). */
@FunctionalInterface
interface PartitionWork {
    /**
     * @param p        the partition, on its own thread
     * @param position the position in the batch
     * @param clock    the engine clock there
     */
    void run(Partition p, int position, long clock);
}
