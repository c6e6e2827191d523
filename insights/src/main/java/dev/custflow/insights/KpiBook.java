package dev.custflow.insights;

import dev.custflow.BatchResult;
import dev.custflow.Engine;
import dev.custflow.event.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The KPI book: counters and sums per period and per dimension value, kept up to date from each event the engine
 * accepted and the actions it caused, so that a query reads counters and never recounts the history
 * (docs/kpis.md). Build one with {@link #builder()}; feed it the engine's answers; query it under a {@link Scope}.
 *
 * <pre>{@code
 * KpiBook book = KpiBook.builder().settings(engine.settings()).build();
 * BatchResult r = book.accept(engine, event);        // the engine applies it, the book counts it
 * book.advanceTo(engine, endOfDay);                  // time rules: SLA escalations, dormancy...
 * List<KpiRow> rows = book.kpis(Scope.team("KEY_ACCOUNTS"),
 *         KpiQuery.of(Granularity.MONTH, from, to).by(Dimension.REP));
 * }</pre>
 *
 * <p><b>Feeding.</b> The book must hear of every event the engine accepted, in the order the engine applied them,
 * with the engine's answer for that event alone: {@link #accept(Engine, Event)} does both, or the host calls
 * {@code engine.acceptAll(List.of(event))} itself and passes the result to {@link #record(Event, BatchResult)}. An
 * event the engine ignored as a duplicate or rejected counts nothing, so a host that re-sends events after a
 * restart does not count them twice. The actions of {@link Engine#advanceTo} go to
 * {@link #recordTimeActions(BatchResult)}. The book lives in memory: after a restart, rebuild it by replaying the
 * history into a fresh engine and book.
 *
 * <p>Safe to share between threads: calls are applied one after the other.
 */
public interface KpiBook {

    /** @return a builder for a book */
    static KpiBookBuilder builder() {
        return new KpiBookBuilder();
    }

    /**
     * Applies one event to the engine and counts it with the actions it caused.
     *
     * @param engine the engine
     * @param event  the event
     * @return the engine's answer: the actions, and whether the event was rejected or a duplicate
     */
    BatchResult accept(Engine engine, Event event);

    /**
     * Moves the engine's clock and counts the actions of the time rules that fired.
     *
     * @param engine the engine
     * @param to     the new time
     * @return the engine's answer
     */
    BatchResult advanceTo(Engine engine, Instant to);

    /**
     * Counts one event with the engine's answer for it alone ({@code engine.acceptAll(List.of(event))}). A result
     * that says the event was a duplicate or rejected counts nothing.
     *
     * @param event  the event
     * @param result the engine's answer for this event alone
     * @throws IllegalArgumentException if the result covers more than one event, or a time is before 1900 or after
     *                                  2258 (then nothing is counted)
     */
    void record(Event event, BatchResult result);

    /**
     * Counts the actions of time rules ({@link Engine#advanceTo}). A {@code ClockTick} is an event: its answer goes
     * to {@link #record(Event, BatchResult)}.
     *
     * @param result the engine's answer
     * @throws IllegalArgumentException if an action's time is before 1900 or after 2258 (then nothing is counted)
     */
    void recordTimeActions(BatchResult result);

    /**
     * Shares a customer with a partner from {@code at} on: the partner's scope sees the customer, and the figures of
     * the customer's facts from then on. Sharing again changes nothing.
     *
     * @param partnerId  the partner
     * @param customerId the customer
     * @param at         from when
     * @throws IllegalArgumentException if an id is blank
     */
    void share(String partnerId, String customerId, Instant at);

    /**
     * Stops sharing a customer with a partner: the partner no longer sees the customer, nor the figures of its facts
     * from {@code at} on (figures already counted while it was shared stay in the partner's view).
     *
     * @param partnerId  the partner
     * @param customerId the customer
     * @param at         from when
     * @throws IllegalArgumentException if an id is blank
     */
    void unshare(String partnerId, String customerId, Instant at);

    /**
     * The KPIs a scope may see. Only periods and dimension values in which the scope has at least one fact are in
     * the result (a period without facts is absent, not zero), ordered by period, then by value.
     *
     * @param scope who is asking
     * @param query which periods, breakdown and KPIs
     * @return the rows, empty for a scope that has seen nothing (an unknown id included)
     */
    List<KpiRow> kpis(Scope scope, KpiQuery query);

    /**
     * @param scope     who is asking
     * @param dimension a dimension
     * @return the values of the dimension under which the scope has figures, sorted
     */
    List<String> values(Scope scope, Dimension dimension);

    /**
     * @param scope who is asking
     * @return the first and the last day on which the scope has facts, empty when it has none
     */
    Optional<List<LocalDate>> span(Scope scope);

    /**
     * @param scope who is asking
     * @return the customers the scope sees now, sorted by id, personal data masked unless the scope grants it
     */
    List<CustomerRow> customers(Scope scope);

    /**
     * Visits the customers the scope sees now, in id order, without building one list (for exports).
     *
     * @param scope   who is asking
     * @param visitor receives each row
     */
    void forEachCustomer(Scope scope, Consumer<CustomerRow> visitor);

    /**
     * @param scope      who is asking
     * @param customerId a customer id
     * @return the customer, if the scope sees it (a customer outside the scope is the same as an unknown one)
     */
    Optional<CustomerRow> customer(Scope scope, String customerId);

    /** @return the time zone periods are counted in */
    ZoneId zone();
}
