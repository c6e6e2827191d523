package dev.custflow.internal.runtime;

import dev.custflow.internal.index.Emitted;
import dev.custflow.settings.Settings;
import java.util.List;

/** What a {@link CrossCustomerPack} may use of the engine while a call runs, on the engine's thread. */
interface PackContext {
    /** @return every partition, idle and up to date */
    Partition[] partitions();

    /** @return the partition that holds (or would hold) a customer */
    Partition partitionFor(String customerId);

    /** @return the engine clock */
    long clock();

    /** Moves the engine clock (a recompute at its boundary). */
    void clock(long millis);

    /** @return the settings now (a reload may have changed them since the engine was built) */
    Settings settings();

    /** @return the packs that are on */
    CrossCustomerPacks packs();

    /**
     * Delivers what the engine emitted at a moment of its own, after what the call delivered so far.
     *
     * @param out   the emitted actions, any order
     * @param cause the moment's cause ({@code sla@...}), to which rule failures are reported
     * @param at    the moment
     */
    void deliver(List<Emitted> out, String cause, long at);
}
