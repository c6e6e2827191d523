package dev.custflow;

import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.model.CustomerProfile;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
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
     * Moves the clock to {@code to} (never backwards) and wakes the customers that fall due, as a
     * {@code ClockTick} would.
     *
     * @param to the new time
     * @return the actions of the time rules that fired
     */
    BatchResult advanceTo(Instant to);

    /**
     * How far the engine got in its event source: every event given to {@link #accept} and {@link #acceptAll}
     * counts, rejected and duplicate ones included. With a {@link dev.custflow.spi.CustomerStore}, it is committed
     * with the state after every call: an engine built on the store after a crash starts at the position of the last
     * commit, and the host re-sends its events from there. (A source that counts otherwise, such as the lines of a
     * JSON Lines file, can keep its own position in the commits through a
     * {@link dev.custflow.spi.ForwardingCustomerStore}.)
     *
     * @return events consumed so far, 0 for an engine on a new store or without one
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

    /**
     * Replaces the user rules (those given to the builder with {@code rules}, {@code rulesFrom},
     * {@code rulesFromClasspath}) while the engine runs; the built-in packs and the settings stay. Same as
     * {@link #reload(List, Settings) reload(rules, settings())}.
     *
     * @param rules the user rules that replace the current ones (an empty list: the built-in packs alone)
     * @return what happened; also given to the builder's {@link EngineBuilder#onReload onReload} listener
     * @throws IllegalStateException if the engine is closed
     */
    ReloadResult reload(List<RuleSource> rules);

    /**
     * Replaces the settings while the engine runs, keeping the rules. Same as {@link #reload(List, Settings)}
     * with the user rules now running.
     *
     * @param settings the new settings
     * @return what happened
     * @throws IllegalStateException if the engine is closed
     */
    ReloadResult reload(Settings settings);

    /**
     * Replaces the user rules and the settings while the engine runs. The new rule set is compiled off to the side,
     * while events keep flowing, then swapped in between two calls ({@code accept}, {@code acceptAll},
     * {@code advanceTo}): every event is applied entirely with the old rules or entirely with the new ones,
     * none is lost or applied twice, and the customers keep their state (profiles, open warnings, due times). From
     * then on every partition evaluates with the new rules; a rule added this way fires from the next event on, not
     * for what came before.
     *
     * <p>If the rules do not compile, nothing changes: the previous rules keep running and the result is
     * {@link ReloadResult.Status#REJECTED} with every error at its file, line and column. Settings that shaped the
     * engine when it was built cannot change live and are refused the same way, naming the setting:
     * {@code timeZone}, {@code disabledPacks}, {@code intake}, {@code segments}, {@code assignment} and the weekly
     * digest's {@code churn.weeklyDigest}, {@code digestDay}, {@code digestTime}, {@code digestMaxCustomers}. Every
     * other setting (thresholds, tables, the policy gate) applies from the next event.
     *
     * <p>Reloading rules with the same content as those running costs no compile (rule sets are cached by content
     * hash) and changes nothing ({@link ReloadResult.Status#UNCHANGED}). Each result is logged and given to the
     * builder's {@link EngineBuilder#onReload onReload} listener. Time rules of a new rule set schedule a customer
     * at its next evaluation (its next event or wake-up); a reload does not evaluate every customer.
     *
     * @param rules    the user rules that replace the current ones
     * @param settings the new settings
     * @return what happened
     * @throws IllegalStateException if the engine is closed
     */
    ReloadResult reload(List<RuleSource> rules, Settings settings);

    /** Releases the rule sessions and threads. */
    @Override
    void close();
}
