package dev.custflow.examples;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EngineBuilder;
import dev.custflow.action.Action;
import dev.custflow.action.OpportunityCreated;
import dev.custflow.event.Event;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.OrderPlaced;
import dev.custflow.insights.forecast.Backtest;
import dev.custflow.insights.forecast.ForecastMethod;
import dev.custflow.insights.forecast.Opportunity;
import dev.custflow.insights.forecast.PipelineCalibration;
import dev.custflow.insights.forecast.PipelineForecast;
import dev.custflow.insights.forecast.RunRateForecast;
import dev.custflow.examples.internal.ForecastText;
import dev.custflow.examples.internal.Progress;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The forecast of a history, measured against what happened (docs/forecast.md): its monthly revenue forecast month
 * by month with every method, and, where the history has opportunities, the weighted pipeline at the middle of the
 * history against what those opportunities then won.
 *
 * <pre>{@code
 * ForecastReport cdnow = ForecastReport.ofOrders(history.description(), history.orders(), ZoneOffset.UTC);
 * System.out.print(cdnow.toText(Locale.ENGLISH));
 * }</pre>
 *
 * @param description    what the history is
 * @param revenue        revenue per month: the amounts of the orders placed in it
 * @param backtests      every method's backtest, in {@link ForecastMethod} order, on the same months
 * @param opportunities  the history's opportunities with their outcomes (empty for a history without any)
 * @param unmatched      closings for which no opportunity had been created (the engine never saw one open)
 * @param cutoff         where the pipeline is forecast and the win rates are learned up to; null without
 *                       opportunities
 * @param end            the end of the history
 */
public record ForecastReport(String description, SortedMap<YearMonth, BigDecimal> revenue, List<Backtest> backtests,
                             List<Opportunity> opportunities, int unmatched, Instant cutoff, Instant end) {

    /** Copies the collections. */
    public ForecastReport {
        Objects.requireNonNull(description, "description");
        revenue = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(revenue));
        backtests = List.copyOf(backtests);
        opportunities = List.copyOf(opportunities);
    }

    /**
     * @param orders the orders, in one currency
     * @param zone   the time zone months are counted in
     * @return the amounts of the orders placed in each month, from the first month with an order to the last
     */
    public static SortedMap<YearMonth, BigDecimal> monthlyRevenue(Collection<OrderPlaced> orders, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        SortedMap<YearMonth, BigDecimal> out = new TreeMap<>();
        for (OrderPlaced o : orders) {
            out.merge(YearMonth.from(o.at().atZone(zone)), o.amount(), BigDecimal::add);
        }
        return out;
    }

    /**
     * The revenue forecast of a purchase history without opportunities (CDNOW).
     *
     * @param description what the history is
     * @param orders      its orders
     * @param zone        the time zone months are counted in
     * @return the report
     * @throws IllegalArgumentException if there are no orders
     */
    public static ForecastReport ofOrders(String description, Collection<OrderPlaced> orders, ZoneId zone) {
        SortedMap<YearMonth, BigDecimal> revenue = monthlyRevenue(orders, zone);
        return new ForecastReport(description, revenue,
                RunRateForecast.compare(revenue, RunRateForecast.DEFAULT_MIN_HISTORY), List.of(), 0, null, null);
    }

    /**
     * Runs a history through an engine (event time) and forecasts its revenue and pipeline: the opportunities are
     * the engine's {@link OpportunityCreated} actions, each closed by the customer's next {@link OpportunityClosed}
     * event; the pipeline is forecast at the middle of the history.
     *
     * @param history the history (a {@link CompanySimulator} has opportunities)
     * @param engine  the engine to run
     * @return the report
     * @throws IllegalArgumentException if the history has no orders
     */
    public static ForecastReport run(EventHistory history, EngineBuilder engine) {
        return run(history, engine, null);
    }

    /**
     * @param history    the history
     * @param engine     the engine to run
     * @param progressTo where to draw a progress bar (standard error), or null for none
     * @return the report, as {@link #run(EventHistory, EngineBuilder)}
     */
    public static ForecastReport run(EventHistory history, EngineBuilder engine, PrintStream progressTo) {
        List<OrderPlaced> orders = new ArrayList<>();
        List<OpportunityCreated> created = new ArrayList<>();
        List<OpportunityClosed> closings = new ArrayList<>();
        ZoneId zone;
        try (Engine e = engine.build(); Stream<Event> events = history.events();
             Progress progress = progressTo == null ? Progress.none()
                     : Progress.bar(progressTo, history.from(), history.to(), e.settings().timeZone())) {
            zone = e.settings().timeZone();
            Iterator<Event> it = events.iterator();
            List<Event> batch = new ArrayList<>();
            while (it.hasNext()) {
                Event next = it.next();
                batch.add(next);
                if (next instanceof OrderPlaced o) {
                    orders.add(o);
                } else if (next instanceof OpportunityClosed c) {
                    closings.add(c);
                }
                // as in the demo: a history that reacts to the engine hears its actions before it goes on
                if (batch.size() == 2_000 || history.awaitsActions(next) || !it.hasNext()) {
                    BatchResult r = e.acceptAll(batch);
                    for (Action a : r.actions()) {
                        if (a instanceof OpportunityCreated o) {
                            created.add(o);
                        }
                    }
                    history.heard(r.actions(), next.at());
                    progress.at(next.at());
                    batch.clear();
                }
            }
        }
        List<Opportunity> opportunities = new ArrayList<>();
        int unmatched = match(created, closings, opportunities);
        SortedMap<YearMonth, BigDecimal> revenue = monthlyRevenue(orders, zone);
        Instant cutoff = opportunities.isEmpty() ? null
                : history.from().plusMillis((history.to().toEpochMilli() - history.from().toEpochMilli()) / 2);
        return new ForecastReport(history.description(), revenue,
                RunRateForecast.compare(revenue, RunRateForecast.DEFAULT_MIN_HISTORY), opportunities, unmatched,
                cutoff, history.to());
    }

    /** @return the number of closings no open opportunity of the customer was there for */
    private static int match(List<OpportunityCreated> created, List<OpportunityClosed> closings,
                             List<Opportunity> out) {
        Map<String, List<Opportunity>> open = new HashMap<>();
        for (OpportunityCreated c : created) {
            open.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(Opportunity.of(c));
        }
        int unmatched = 0;
        closings.sort(Comparator.comparing(OpportunityClosed::at));
        for (OpportunityClosed c : closings) {
            List<Opportunity> mine = open.getOrDefault(c.customerId(), List.of());
            int i = 0;
            while (i < mine.size() && (mine.get(i).outcome() != null || mine.get(i).createdAt().isAfter(c.at()))) {
                i++;
            }
            if (i == mine.size()) {
                unmatched++;
            } else {
                mine.set(i, mine.get(i).closedBy(c));
            }
        }
        open.values().forEach(out::addAll);
        out.sort(Comparator.comparing(Opportunity::createdAt).thenComparing(Opportunity::id));
        return unmatched;
    }

    /** @param method a method @return its backtest */
    public Backtest backtest(ForecastMethod method) {
        return backtests.get(method.ordinal());
    }

    /** @return the shipped method's backtest ({@link RunRateForecast#SHIPPED}) */
    public Backtest shipped() {
        return backtest(RunRateForecast.SHIPPED);
    }

    /** @return the pipeline at the cut-off, or null for a history without opportunities */
    public PipelineForecast pipeline() {
        return cutoff == null ? null : PipelineForecast.of(opportunities, cutoff);
    }

    /**
     * @return what the opportunities open at the cut-off won by the end of the history (closing amounts of the won
     *         ones), or null for a history without opportunities
     */
    public BigDecimal pipelineWon() {
        PipelineForecast p = pipeline();
        return p == null ? null : p.lines().stream().map(l -> l.opportunity().wonAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** @return the win rates' calibration on what closed after the cut-off, or null without opportunities */
    public PipelineCalibration calibration() {
        return cutoff == null ? null : PipelineCalibration.holdOut(opportunities, cutoff, end);
    }

    /**
     * @param locale the language: zh-CN or en
     * @return the report for a terminal: the monthly table (shipped method and naive baseline), every method's
     *         error, and the pipeline where there is one
     */
    public String toText(Locale locale) {
        return ForecastText.of(this, locale);
    }
}
