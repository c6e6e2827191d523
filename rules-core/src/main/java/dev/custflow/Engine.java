package dev.custflow;

import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.model.CustomerProfile;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Custflow engine: events in, actions out. Build one with {@link Custflow#builder()}.
 *
 * <p>Each call applies the events in order: the clock moves to the event's time, the customers
 * whose time rules fall due are woken, the event is folded into its customer's profile and the
 * rules run. The actions come back from the call and go to the {@link dev.custflow.spi.ActionSink}.
 * Replaying the same events always yields the same actions, whatever the number of partitions.
 *
 * <p>An engine is safe to share between threads; calls are applied one after the other.
 */
public interface Engine extends AutoCloseable {

    /**
     * Applies one event.
     *
     * @param event the event
     * @return the actions it caused (empty for a duplicate event id)
     * @throws EventRejectedException if the event names an unknown order or ticket, or repeats an order id
     */
    List<Action> accept(Event event);

    /**
     * Applies events in order. Bad events are rejected one by one; the rest go on.
     *
     * @param events the events
     * @return the actions, rejections and counts
     */
    BatchResult acceptAll(List<? extends Event> events);

    /**
     * Reads JSON Lines and applies them in batches as they come; blank lines are skipped. A line
     * that is not a valid event is rejected with its line number; the rest go on. The reader is
     * read to its end.
     *
     * @param lines     the JSON Lines
     * @param batchSize events applied per batch (the sink receives one delivery per batch)
     * @param onBatch   called with the result of each batch, as it completes
     * @throws IOException if the reader fails
     */
    void acceptJsonLines(BufferedReader lines, int batchSize, Consumer<BatchResult> onBatch) throws IOException;

    /**
     * Moves the clock to {@code to} (never backwards) and wakes the customers that fall due, as a
     * {@code ClockTick} would.
     *
     * @param to the new time
     * @return the actions of the time rules that fired
     */
    BatchResult advanceTo(Instant to);

    /**
     * How far the engine got in its event source: every event given to {@link #accept} and {@link #acceptAll}
     * counts, rejected and duplicate ones included; {@link #acceptJsonLines} counts lines, blank ones included.
     * With a {@link dev.custflow.spi.CustomerStore}, it is committed with the state after every call: an engine
     * built on the store after a crash starts at the position of the last commit, and the host re-sends its
     * events from there (the first {@code acceptJsonLines} call skips the lines below it by itself).
     *
     * @return events (or lines) consumed so far, 0 for an engine on a new store or without one
     */
    long position();

    /** @return the engine's clock: the latest event time seen, or the clock source's time */
    Instant clock();

    /**
     * @param customerId a customer id
     * @return a read-only copy of the profile, if the engine knows the customer
     */
    Optional<CustomerProfile> customer(String customerId);

    /**
     * Visits a read-only copy of every profile (for reports; costs a copy per customer).
     *
     * @param visitor receives each profile
     */
    void forEachCustomer(Consumer<CustomerProfile> visitor);

    /** @return the number of customer profiles */
    int customerCount();

    /**
     * @param limit the most recent entries to return
     * @return the latest lines of the in-memory audit trail, oldest first
     */
    List<AuditEntry> auditTrail(int limit);

    /**
     * @param customerId a customer id
     * @return the in-memory audit trail of that customer, oldest first
     */
    List<AuditEntry> auditTrail(String customerId);

    /** @return the settings the rules read */
    Settings settings();

    /** @return the names of the rules loaded, sorted */
    List<String> ruleNames();

    /** Releases the rule sessions and threads. */
    @Override
    void close();
}
